"""Tell the privacy notice what alerts store, why and for how long (once; staff edit after)."""

from django.db import migrations

MARKER = 'id="alerts-privacy"'

TEXT_SV = (
    '<h2 id="alerts-privacy">Bevakningar</h2>'
    "<p>När du bevakar en lista på webbplatsen sparar vi din e-postadress, vilket språk och hur "
    "ofta du vill ha e-post, vilken lista och vilka filter du valt, när du bekräftade adressen "
    "och när vi senast skickade e-post, och vilka poster vi redan har skickat. Vi använder "
    "uppgifterna bara för att skicka bevakningarna, med ditt samtycke som du lämnar när du "
    "bekräftar adressen.</p>"
    "<p>En bevakning som inte bekräftas raderas efter en vecka. En bekräftad bevakning sparas "
    "tills du avslutar den med länken som finns i varje e-postmeddelande eller på sidan där du "
    "hanterar dina bevakningar; då raderas den direkt. Uppgifter om skickade sammanställningar "
    "raderas efter 30 dagar. Flöden (Atom och iCalendar) kräver ingen e-postadress och vi sparar "
    "inget om den som läser dem.</p>"
)

TEXT_EN = (
    '<h2 id="alerts-privacy">Alerts</h2>'
    "<p>When you follow a list on this website we store your email address, the language and "
    "rhythm of the emails you chose, which list and filters you follow, when you confirmed the "
    "address and when we last emailed you, and which items we have already sent. We use this "
    "only to send the alerts, with the consent you give when you confirm the address.</p>"
    "<p>An alert that is not confirmed is deleted after a week. A confirmed alert is kept until "
    "you stop it with the link in every email or on the page where you manage your alerts; it is "
    "then deleted at once. Records of the digests sent are deleted after 30 days. Feeds (Atom and "
    "iCalendar) need no email address, and we store nothing about who reads them.</p>"
)


def add_alerts_paragraph(apps, schema_editor):
    Page = apps.get_model("core", "Page")
    page = Page.objects.filter(key="privacy").first()
    if page is None:
        return
    changed = []
    if MARKER not in (page.body_sv or ""):
        page.body_sv = (page.body_sv or "") + TEXT_SV
        changed.append("body_sv")
    if MARKER not in (page.body_en or ""):
        page.body_en = (page.body_en or "") + TEXT_EN
        changed.append("body_en")
    if changed:
        page.save(update_fields=changed)


def remove_alerts_paragraph(apps, schema_editor):
    Page = apps.get_model("core", "Page")
    page = Page.objects.filter(key="privacy").first()
    if page is None:
        return
    page.body_sv = (page.body_sv or "").replace(TEXT_SV, "")
    page.body_en = (page.body_en or "").replace(TEXT_EN, "")
    page.save(update_fields=["body_sv", "body_en"])


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0001_initial"),
        ("core", "0002_initial_pages"),
    ]

    operations = [migrations.RunPython(add_alerts_paragraph, remove_alerts_paragraph)]
