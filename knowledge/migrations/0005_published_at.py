"""Publications, research calls and events take ``core.publishing.Publishable``:
``is_published`` keeps every row's state (only the default for new rows becomes a draft),
and ``published_at`` records when a row was first published; for rows already published it
is when they were added."""

from django.db import migrations, models
from django.db.models import F

MODELS = ("event", "publication", "researchcall")


def forwards(apps, schema_editor):
    for name in MODELS:
        model = apps.get_model("knowledge", name)
        model.objects.filter(is_published=True).update(published_at=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0004_library_indexes"),
    ]

    operations = [
        *(
            migrations.AddField(
                model_name=name,
                name="published_at",
                field=models.DateTimeField(
                    blank=True, editable=False, null=True, verbose_name="first published"
                ),
            )
            for name in MODELS
        ),
        *(
            migrations.AlterField(
                model_name=name,
                name="is_published",
                field=models.BooleanField(
                    default=False,
                    help_text="Only published content is shown on the website.",
                    verbose_name="published",
                ),
            )
            for name in MODELS
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop, elidable=False),
    ]
