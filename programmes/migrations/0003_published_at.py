"""Programmes take ``core.publishing.Publishable``: ``is_published`` keeps every row's
state (only the default for new programmes becomes a draft), and ``published_at`` records
when a programme was first published; for those already published it is their last update,
the one time the table knows."""

from django.db import migrations, models
from django.db.models import F


def forwards(apps, schema_editor):
    Programme = apps.get_model("programmes", "Programme")
    Programme.objects.filter(is_published=True).update(published_at=F("updated_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0002_history_event"),
    ]

    operations = [
        migrations.AddField(
            model_name="programme",
            name="published_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="first published"
            ),
        ),
        migrations.AlterField(
            model_name="programme",
            name="is_published",
            field=models.BooleanField(
                default=False,
                help_text="Only published content is shown on the website.",
                verbose_name="published",
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop, elidable=False),
    ]
