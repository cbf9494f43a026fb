from django.db import migrations


def create_statement(apps, schema_editor):
    from core.initial_pages import ACCESSIBILITY_STATEMENT

    AccessibilityStatement = apps.get_model("core", "AccessibilityStatement")
    Page = apps.get_model("core", "Page")
    # The statement used to be a free-text page; its required parts now have fields of their own.
    Page.objects.filter(key="accessibility").delete()
    if not AccessibilityStatement.objects.exists():
        AccessibilityStatement.objects.create(**ACCESSIBILITY_STATEMENT)


class Migration(migrations.Migration):
    dependencies = [("core", "0003_accessibility_statement")]

    operations = [migrations.RunPython(create_statement, migrations.RunPython.noop)]
