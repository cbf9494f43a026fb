"""Each partnership and story keeps its state: "published" sets the flag, a draft keeps it
unset; the time of the first publication is filled in where it is not known."""

from django.db import migrations
from django.db.models import F


def forwards(apps, schema_editor):
    Partnership = apps.get_model("partnerships", "Partnership")
    Story = apps.get_model("partnerships", "Story")
    for model in (Partnership, Story):
        model.objects.filter(publish_state="published").update(is_published=True)
        model.objects.filter(is_published=True, published_at__isnull=True).update(
            published_at=F("created_at")
        )


def backwards(apps, schema_editor):
    for name in ("Partnership", "Story"):
        model = apps.get_model("partnerships", name)
        model.objects.filter(is_published=True).update(publish_state="published")


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0004_published_flag"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
