"""The models with both timestamps take them from ``core.models.TimeStamped``; only the
label of ``updated_at`` changes ("last updated", as everywhere else)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0006_published_flag_indexes"),
    ]

    operations = [
        migrations.AlterField(
            model_name=model_name,
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="last updated"),
        )
        for model_name in ("interestregistration", "partnerseeker", "partnership", "story")
    ]
