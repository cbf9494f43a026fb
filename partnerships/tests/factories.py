"""Small builders for tests: partnerships, stories and registrations go through the services,
like in production."""

from __future__ import annotations

import itertools
import uuid
from datetime import date

from partnerships import services
from partnerships.models import (
    ApplicationRound,
    InterestRegistration,
    Network,
    PartnerSeeker,
    Partnership,
    Story,
)
from reference.models import Country, Organisation, Theme

_sequence = itertools.count(1)


def foreign_organisation(country_code: str = "KE", *, name: str | None = None) -> Organisation:
    number = next(_sequence)
    name = name or f"Partner Town {number}"
    return Organisation.objects.create(
        kind=Organisation.Kind.LOCAL_GOVERNMENT,
        country_id=country_code,
        short_name=name,
        name_sv=f"{name} stad",
        name_en=f"{name} Town Council",
        slug=f"partner-town-{number}",
    )


def swedish(slug: str = "vara") -> Organisation:
    return Organisation.objects.get(slug=slug)


def partnership(
    *,
    swedish_slugs: tuple[str, ...] = ("vara",),
    country: str = "KE",
    partners: list[Organisation] | None = None,
    themes: tuple[str, ...] = ("citizen-participation",),
    publish: bool = True,
    network: Network | None = None,
    **fields,
) -> Partnership:
    number = next(_sequence)
    values = {
        "title_sv": f"Partnerskap {number}",
        "title_en": f"Partnership {number}",
        "summary_sv": "En sammanfattning.",
        "summary_en": "A summary.",
        "start_year": 2020,
        "end_year": None,
        "status": Partnership.Status.ACTIVE,
        "phase": Partnership.Phase.PROJECT,
        **fields,
    }
    return services.partnership_upsert(
        slug=fields.pop("slug", None) or f"partnership-{number}",
        country=Country.objects.get(code=country),
        swedish_organisations=[swedish(slug) for slug in swedish_slugs],
        partner_organisations=partners or [foreign_organisation(country)],
        themes=list(Theme.objects.filter(slug__in=themes)),
        network=network,
        publish=publish,
        **{key: value for key, value in values.items() if key != "slug"},
    )


def story(*, partnerships: list[Partnership], publish: bool = True, **fields) -> Story:
    number = next(_sequence)
    values = {
        "title_sv": f"Berättelse {number}",
        "title_en": f"Story {number}",
        "lead_sv": "Ingress.",
        "lead_en": "Lead.",
        "body_sv": "<p>Brödtext.</p>",
        "body_en": "<p>Body text.</p>",
        "date": date(2024, 1, number % 28 + 1),
        **fields,
    }
    return services.story_upsert(
        slug=f"story-{number}", partnerships=partnerships, publish=publish, **values
    )


def vara_huangshan() -> dict:
    """A completed partnership between Vara and Huangshan (China), with one story about it."""
    huangshan = foreign_organisation("CN", name="Huangshan")
    vara_partnership = partnership(
        slug="vara-huangshan",
        country="CN",
        partners=[huangshan],
        themes=("children-and-youth",),
        title_sv="Stöd till övergivna barn",
        title_en="Helping left-behind children",
        goals_sv="<p>Mål</p><script>alert(1)</script>",
        goals_en="<p onclick='x()'>Goals</p>",
        status="completed",
        start_year=2014,
        end_year=2016,
    )
    vara_story = story(
        partnerships=[vara_partnership],
        title_sv="De hjälper övergivna barn",
        title_en="Helping left-behind children (story)",
    )
    return {"partnership": vara_partnership, "story": vara_story, "huangshan": huangshan}


def more_partnerships_in_kenya(extra: int) -> None:
    """``extra`` more published partnerships in Kenya, each with two parties a side, three
    themes and a story: for tests that a page's query count does not grow with the data."""
    for number in range(extra):
        partner = foreign_organisation("KE")
        grown = partnership(
            swedish_slugs=("vara", "ale"),
            partners=[partner, foreign_organisation("KE")],
            themes=("education", "gender-equality", "children-and-youth"),
            start_year=2010 + number % 10,
        )
        story(partnerships=[grown])


# --- Interest registrations, partner seekers, application rounds ----------------------------


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
    organisation = fields.pop("organisation", None) or foreign_organisation(country)
    obj = PartnerSeeker(
        slug=fields.pop("slug", f"seeker-{number}"),
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
    services.seeker_save(seeker=obj)
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
