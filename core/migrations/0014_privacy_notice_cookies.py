"""The privacy notice's cookie paragraph names the cookies the site really sets (public
pages set no language cookie). Only a paragraph still as first written is replaced."""

from django.db import migrations

OLD_SV = '<p>Webbplatsen använder bara de kakor som behövs för att den ska fungera (språkval och skydd mot förfalskade formulär). Vi använder ingen spårning, ingen webbanalys från tredje part och inga externa resurser. Därför behövs ingen kakbanner.</p>'
NEW_SV = '<p>Webbplatsen sätter bara de kakor som behövs för att den ska fungera. När du öppnar ett formulär får du en kaka som skyddar mot förfalskade formulär (csrftoken), och efter att du skickat ett formulär kan en kortlivad kaka bära beskedet till nästa sida (messages). ICLD:s medarbetare som loggar in får också en inloggningskaka (sessionid) och en kaka för språket i administrationen (django_language). Språket på de publika sidorna följer adressen (/sv/ eller /en/) och sparas inte i någon kaka. Vi använder ingen spårning, ingen webbanalys från tredje part och inga externa resurser. Därför behövs ingen kakbanner.</p>'
OLD_EN = '<p>This website only sets the cookies it needs to work (your language and protection against forged forms). We use no tracking, no third-party analytics and no external resources, so no cookie banner is needed.</p>'
NEW_EN = '<p>This website only sets the cookies it needs to work. When you open a form you get a cookie that protects against forged forms (csrftoken), and after you send a form a short-lived cookie may carry the confirmation to the next page (messages). ICLD staff who sign in also get a sign-in cookie (sessionid) and one for the language of the administration (django_language). The language of the public pages follows the address (/sv/ or /en/) and is not stored in a cookie. We use no tracking, no third-party analytics and no external resources, so no cookie banner is needed.</p>'


def replace(apps, old_sv, new_sv, old_en, new_en):
    Page = apps.get_model("core", "Page")
    for page in Page.objects.filter(key="privacy"):
        page.body_sv = page.body_sv.replace(old_sv, new_sv)
        page.body_en = page.body_en.replace(old_en, new_en)
        page.save(update_fields=["body_sv", "body_en"])


def forwards(apps, schema_editor):
    replace(apps, OLD_SV, NEW_SV, OLD_EN, NEW_EN)


def backwards(apps, schema_editor):
    replace(apps, NEW_SV, OLD_SV, NEW_EN, OLD_EN)


class Migration(migrations.Migration):
    dependencies = [("core", "0013_search_configurations")]
    operations = [migrations.RunPython(forwards, backwards)]
