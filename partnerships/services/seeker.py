"""Writes for partner seekers: a seeker is named in public addresses only if it agreed.

A seeker's slug is its public identifier: the link from its card to the registration form,
the anchor on the list, the value in the form's choices, the address in the feeds. A seeker
that did not agree to show its name gets a random slug (``OPAQUE_SLUG``), so none of these
tells who it is; the database refuses any other slug for it (``seeker_slug_opaque``).
"""

from __future__ import annotations

import re
import secrets

from django.db import transaction
from django.utils.text import slugify

from partnerships.models import PartnerSeeker, RegistrationEvent
from partnerships.models.seeker import OPAQUE_SLUG_PATTERN, search_country, search_organisation

OPAQUE_SLUG = re.compile(OPAQUE_SLUG_PATTERN)


def seeker_opaque_slug() -> str:
    """A random slug that says nothing about the seeker (12 hexadecimal digits)."""
    while True:
        slug = secrets.token_hex(6)
        if not PartnerSeeker.objects.filter(slug=slug).exists():
            return slug


def _readable_slug(seeker: PartnerSeeker) -> str:
    base = slugify(seeker.organisation.short_name or seeker.organisation.name_en)[:120] or "seeker"
    slug, number = base, 1
    while PartnerSeeker.objects.filter(slug=slug).exclude(pk=seeker.pk).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def seeker_slug(seeker: PartnerSeeker) -> str:
    """The slug the seeker may have: staff's own (or one from its name) if it agreed to show
    its name; a random one otherwise, kept once it has one."""
    if not seeker.consent_show_name:
        return seeker.slug if OPAQUE_SLUG.fullmatch(seeker.slug or "") else seeker_opaque_slug()
    return seeker.slug or _readable_slug(seeker)


@transaction.atomic
def seeker_save(*, seeker: PartnerSeeker) -> PartnerSeeker:
    """Save a seeker (admin, the demo), with the slug its consent allows.

    Withdrawing the consent to show the name replaces a readable slug with a random one; the
    old address then finds nothing, and nothing points from it to the new one.
    """
    old = (
        PartnerSeeker.objects.filter(pk=seeker.pk).values_list("slug", flat=True).first()
        if seeker.pk
        else None
    )
    seeker.slug = seeker_slug(seeker)
    seeker.save()
    if old and old != seeker.slug:
        # The match history names the seeker by slug, and a registrant may ask for a copy.
        for event in RegistrationEvent.objects.filter(changes__match__1=old):
            event.changes["match"] = [event.changes["match"][0], seeker.slug]
            event.save(update_fields=["changes"])
    return seeker


def seekers_refresh_search_copies(*, country=None, organisation=None) -> int:
    """Copy a renamed country's or organisation's name onto its seekers again (the search
    vector reads the copies, ``PartnerSeeker.SEARCH_COPIES``); returns how many changed."""
    changed = 0
    if country is not None:
        name = search_country(country)
        changed += (
            PartnerSeeker.objects.filter(country=country)
            .exclude(search_country=name)
            .update(search_country=name)
        )
    if organisation is not None:
        name = search_organisation(organisation)
        changed += (
            PartnerSeeker.objects.filter(organisation=organisation)
            .exclude(search_organisation=name)
            .update(search_organisation=name)
        )
    return changed
