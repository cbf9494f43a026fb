"""Accessibility reports take ``core.models.TimeStamped``: only the label of ``updated_at``
changes ("last updated", as everywhere else)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_accessibility_report_emails_queued"),
    ]

    operations = [
        migrations.AlterField(
            model_name="accessibilityreport",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="last updated"),
        ),
    ]
