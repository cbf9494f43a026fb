"""Builders for issue 4 tests: seekers, registrations and rounds."""

from __future__ import annotations

import itertools
import uuid
from datetime import date

from partnerships import services
from partnerships.models import ApplicationRound, InterestRegistration, PartnerSeeker
from partnerships.tests.factories import foreign_organisation, swedish
from reference.models import Country, Theme

_sequence = itertools.count(1)


def seeker(
    *,
    country: str = "KE",
    themes=("environment-and-climate",),
    since=date(2025, 1, 1),
    listing=True,
    show_name=True,
    contact=True,
    status=PartnerSeeker.Status.OPEN,
    **fields,
) -> PartnerSeeker:
    number = next(_sequence)
    organisation = foreign_organisation(country)
    obj = PartnerSeeker.objects.create(
        slug=f"seeker-{number}",
        organisation=organisation,
        country_id=country,
        seeking_since=since,
        consent_listing=listing,
        consent_show_name=show_name,
        consent_contact=contact,
        status=status,
        description_sv=f"Beskrivning {number}",
        description_en=f"Description {number}",
        contact_name="Private Person",
        contact_email=f"private{number}@partner.example",
        **fields,
    )
    obj.themes.set(Theme.objects.filter(slug__in=themes))
    return obj


def registration(
    *,
    org="vara",
    countries=("KE",),
    themes=("environment-and-climate",),
    email="anna@vara.example",
    **fields,
) -> InterestRegistration:
    return services.registration_submit(
        organisation=swedish(org),
        contact_name=fields.pop("contact_name", "Anna Ek"),
        role="Samordnare",
        email=email,
        language=fields.pop("language", "sv"),
        submission_token=uuid.uuid4(),
        countries=Country.objects.filter(code__in=countries),
        themes=Theme.objects.filter(slug__in=themes),
        **fields,
    )


def round_(opens: date, closes: date, name="Runda") -> ApplicationRound:
    return ApplicationRound.objects.create(
        name_sv=name, name_en=name, opens_on=opens, closes_on=closes
    )
