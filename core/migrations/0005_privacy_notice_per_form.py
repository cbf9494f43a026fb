from django.db import migrations

# The first section of the first version, which the per-form text replaces. Anything after it
# (cookies, rights, paragraphs other apps appended) is kept; a page staff rewrote is left alone.
OLD_FIRST_SECTION_END = {"sv": "<h2>Cookies och spårning</h2>", "en": "<h2>Cookies and tracking</h2>"}


def per_form(apps, schema_editor):
    from core.initial_pages import PAGES
    from core.privacy_2026 import BODY_EN, BODY_SV

    Page = apps.get_model("core", "Page")
    page = Page.objects.filter(key="privacy").first()
    if page is None:
        return
    for language, new_first in (("sv", BODY_SV), ("en", BODY_EN)):
        body = getattr(page, f"body_{language}")
        original = PAGES["privacy"][f"body_{language}"]
        end = OLD_FIRST_SECTION_END[language]
        old_first = original[: original.index(end)]
        if body.startswith(old_first):
            setattr(page, f"body_{language}", new_first + body[len(old_first):])
    page.save()


class Migration(migrations.Migration):
    dependencies = [("core", "0004_initial_accessibility_statement")]

    operations = [migrations.RunPython(per_form, migrations.RunPython.noop)]
