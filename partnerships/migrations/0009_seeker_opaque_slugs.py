"""Partner seekers that did not agree to show their name get a random slug.

Their slugs were made from their names, and a slug is in the public list's anchors, the
registration form's choices, the "we are interested" links and the feeds. The old slug is not
kept anywhere a visitor can reach: an old address finds nothing and redirects nowhere. The
match history staff keep (and export to the registrant on request) names the seeker by slug,
so it follows the rename.
"""

import re
import secrets

from django.db import migrations

OPAQUE = re.compile(r"^[0-9a-f]{12}$")


def opaque_slugs(apps, schema_editor):
    PartnerSeeker = apps.get_model("partnerships", "PartnerSeeker")
    RegistrationEvent = apps.get_model("partnerships", "RegistrationEvent")
    taken = set(PartnerSeeker.objects.values_list("slug", flat=True))
    for seeker in PartnerSeeker.objects.filter(consent_show_name=False).order_by("pk"):
        if OPAQUE.fullmatch(seeker.slug):
            continue
        slug = secrets.token_hex(6)
        while slug in taken:
            slug = secrets.token_hex(6)
        taken.add(slug)
        old = seeker.slug
        PartnerSeeker.objects.filter(pk=seeker.pk).update(slug=slug)
        for event in RegistrationEvent.objects.filter(changes__match__1=old):
            event.changes["match"] = [event.changes["match"][0], slug]
            event.save(update_fields=["changes"])


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0008_registration_event_change_record")]

    operations = [migrations.RunPython(opaque_slugs, migrations.RunPython.noop, elidable=False)]
