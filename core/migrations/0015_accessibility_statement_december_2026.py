"""The accessibility statement tells the truth of December 2026: the maps are interactive (not
images), what is known not to work, and how the site is tested. A statement staff have already
edited is left as they wrote it."""

import datetime

from django.db import migrations

OLD = {
    "known_shortcomings_sv": "<ul><li>Vissa äldre PDF-dokument i forskningsbiblioteket är inte tillgänglighetsanpassade. Du kan be om en tillgänglig version av varje dokument.</li><li>Kartorna över partnerskap är bilder; samma uppgifter finns i tabeller under varje karta.</li></ul>",
    "known_shortcomings_en": "<ul><li>Some older PDF documents in the research library are not accessible. You can ask for an accessible version of every document.</li><li>The partnership maps are images; the same information is in tables below each map.</li></ul>",
    "how_we_tested_sv": "<p>Vi har gjort en självskattning av webbplatsen. Varje sidtyp testas automatiskt med axe-core mot WCAG 2.1 nivå A och AA, på svenska och engelska, och vi har granskat sidorna manuellt med tangentbord, skärmläsare och 320 pixlars skärmbredd.</p>",
    "how_we_tested_en": "<p>We assessed the website ourselves. Every page type is tested automatically with axe-core against WCAG 2.1 levels A and AA, in Swedish and English, and we have reviewed the pages manually with the keyboard, a screen reader and a 320 pixel wide screen.</p>",
    "last_reviewed": "2026-11-20",
    "statement_updated": "2026-11-20",
}
NEW = {
    "known_shortcomings_sv": "<ul><li>Äldre PDF-dokument i forskningsbiblioteket saknar ofta taggar, titel och angivet språk, så skärmläsare kan inte följa deras rubriker och tabeller (WCAG 1.3.1, 2.4.2, 3.1.1). Du kan be om en tillgänglig version av varje dokument via länken bredvid det.</li><li>Texter som skrevs före december 2026 kan innehålla stycken på engelska som inte är markerade som engelska, så en skärmläsare läser dem med svenskt uttal (WCAG 3.1.2). Vi markerar dem när texterna uppdateras.</li><li>En manuell granskning med skärmläsare har ännu inte gjorts; de automatiska testerna hittar inte alla problem. Berätta gärna för oss om något inte fungerar.</li></ul>",
    "known_shortcomings_en": "<ul><li>Older PDF documents in the research library often lack tags, a title and a stated language, so screen readers cannot follow their headings and tables (WCAG 1.3.1, 2.4.2, 3.1.1). You can ask for an accessible version of every document with the link beside it.</li><li>Texts written before December 2026 may contain passages in Swedish that are not marked as Swedish, so a screen reader reads them with English pronunciation (WCAG 3.1.2). We mark them as the texts are updated.</li><li>No manual review with a screen reader has been made yet; automated tests do not find every problem. Please tell us if something does not work for you.</li></ul>",
    "how_we_tested_sv": "<p>Vi har granskat webbplatsen själva (självskattning). Vid varje ändring testas varje sidtyp automatiskt, på svenska och engelska: med axe-core mot WCAG 2.1 nivå A och AA, med Nu Html Checker för giltig HTML, och i webbläsartester som använder tangentbordet, felmeddelanden i formulär och skärmbredder på 320, 375 och 1280 pixlar. Kartorna är interaktiva SVG-bilder där varje land är en länk som nås med tangentbordet, och samma uppgifter finns i en tabell under kartan.</p>",
    "how_we_tested_en": "<p>We assessed the website ourselves. At every change, every page type is tested automatically in Swedish and English: with axe-core against WCAG 2.1 levels A and AA, with the Nu Html Checker for valid HTML, and in browser tests that use the keyboard, form error messages and screen widths of 320, 375 and 1280 pixels. The maps are interactive SVG images in which every country is a link reached with the keyboard, and the same figures are in a table below the map.</p>",
    "last_reviewed": "2026-12-01",
    "statement_updated": "2026-12-01",
}


def replace(apps, before, after):
    AccessibilityStatement = apps.get_model("core", "AccessibilityStatement")
    for statement in AccessibilityStatement.objects.all():
        texts = [field for field in before if not field.endswith(("reviewed", "updated"))]
        if all(getattr(statement, field) == before[field] for field in texts):
            for field, value in after.items():
                if field.endswith(("reviewed", "updated")):
                    value = datetime.date.fromisoformat(value)
                setattr(statement, field, value)
            statement.save(update_fields=list(after))


def forwards(apps, schema_editor):
    replace(apps, OLD, NEW)


def backwards(apps, schema_editor):
    replace(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [("core", "0014_privacy_notice_cookies")]
    operations = [migrations.RunPython(forwards, backwards)]
