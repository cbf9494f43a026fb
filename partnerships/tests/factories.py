"""Small builders for tests: every partnership goes through the service, like in production."""

from __future__ import annotations

import itertools
from datetime import date

from partnerships import services
from partnerships.models import Network, Partnership, Story
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
