from django.db import migrations


def create_pages(apps, schema_editor):
    from core.initial_pages import PAGES

    Page = apps.get_model("core", "Page")
    for key, fields in PAGES.items():
        Page.objects.get_or_create(key=key, defaults=fields)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
