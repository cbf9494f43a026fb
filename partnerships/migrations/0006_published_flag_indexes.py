"""The indexes on the published rows are recreated on the flag, as partial indexes, and
``publish_state`` goes."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0005_published_flag_data"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="partnership", name="partnership_state_status"),
        migrations.RemoveIndex(model_name="story", name="story_state_date"),
        migrations.AddIndex(
            model_name="partnership",
            index=models.Index(
                condition=models.Q(("is_published", True)),
                fields=["status"],
                name="partnership_published",
            ),
        ),
        migrations.AddIndex(
            model_name="story",
            index=models.Index(
                condition=models.Q(("is_published", True)),
                fields=["-date"],
                name="story_published_date",
            ),
        ),
        migrations.RemoveField(model_name="partnership", name="publish_state"),
        migrations.RemoveField(model_name="story", name="publish_state"),
    ]
