"""Reads that join the three apps into one portal: the home page and the pages of an
organisation, a country and a theme (with their indexes)."""

from __future__ import annotations

from django.core.cache import cache

from core.i18n import active_language
from core.pagination import paginate
from knowledge import selectors as knowledge
from partnerships import selectors as partnerships
from portal.models import HomePage
from programmes import selectors as programmes
from reference.models import Country, Organisation, Theme

SECTION_LIMIT = 6


HOME_CACHE_SECONDS = 60


def home_page() -> dict:
    """Everything the home page shows, from the database: nothing for staff to hard-code.

    Kept for a minute in the shared cache (per language): the home page is the busiest page
    and shows only public, published content, so a minute's delay is harmless.
    """
    key = f"home-page:{active_language()}"
    data = cache.get(key)
    if data is None:
        data = _home_page()
        cache.set(key, data, HOME_CACHE_SECONDS)
    return data


def _home_page() -> dict:
    texts = HomePage.objects.select_related("lead_image").first()
    featured = []
    if texts is not None:
        featured = list(
            texts.featured_stories.published().select_related("lead_image").order_by("-date")[:3]
        )
    figures = {
        "partnerships": partnerships.figures(),
        "programmes": programmes.figures(),
        "knowledge": knowledge.figures(),
    }
    return {
        # The four headline figures: organisations engaged, active partnerships, partner
        # countries (KP) and upcoming seminars (KC); each is one aggregate query.
        "figures": [*figures["partnerships"], figures["knowledge"][0]],
        "rounds": partnerships.round_status(),
        "open_programmes": list(programmes.open_programmes()[:3]),
        "open_calls": list(knowledge.open_research_calls()[:2]),
        "texts": texts,
        "stories": featured or list(partnerships.latest_stories(limit=3)),
        "events": list(knowledge.upcoming_events(limit=3)),
    }


PARTNERSHIPS_PER_PAGE = 20


def _partnership_section(request, partnerships_queryset) -> dict:
    """The partnerships on a country, organisation or theme page: a page of cards (``?page=``)
    and the counts of active and all published partnerships."""
    return {
        "page_obj": paginate(request, partnerships_queryset, PARTNERSHIPS_PER_PAGE),
        "summary": partnerships.partnership_counts(partnerships_queryset),
    }


def organisation_involvement(request, organisation: Organisation) -> dict:
    """An organisation's partnerships, hosted study visits (where it agreed to be listed),
    the publications that name it and the upcoming events it hosts or takes part in."""
    return {
        **_partnership_section(request, partnerships.partnerships_for_organisation(organisation)),
        "hosted_visits": list(programmes.hosted_visits_for_organisation(organisation)),
        "publications": list(
            knowledge.publications_for_organisation(organisation, limit=SECTION_LIMIT)
        ),
        "events": list(knowledge.events_for_organisation(organisation, limit=SECTION_LIMIT)),
    }


def country_overview(request, country: Country) -> dict:
    """Everything ICLD does with a partner country."""
    return {
        **_partnership_section(request, partnerships.partnerships_for_country(country)),
        "programmes": list(programmes.programmes_for_country(country)),
        "publications": list(knowledge.publications_for_country(country, limit=SECTION_LIMIT)),
        "events": list(knowledge.events_for_country(country, limit=SECTION_LIMIT)),
    }


def theme_overview(request, theme: Theme) -> dict:
    """A theme across the portal."""
    return {
        **_partnership_section(request, partnerships.partnerships_for_theme(theme)),
        "programmes": list(programmes.programmes_for_theme(theme)),
        "publications": list(knowledge.publications_for_theme(theme, limit=SECTION_LIMIT)),
        "events": list(knowledge.events_for_theme(theme, limit=SECTION_LIMIT)),
    }


def country_index() -> dict:
    """Partner countries with published partnerships, each with its newest active ones."""
    countries = partnerships.country_list_with_counts()
    return {
        "countries": countries,
        "groups": partnerships.active_partnerships_by_country(countries=countries),
    }


def organisation_index() -> dict:
    organisations = partnerships.organisation_list_with_counts()
    return {
        "swedish": [o for o in organisations if o.on_swedish_side],
        "partners": [o for o in organisations if not o.on_swedish_side],
    }


def theme_index() -> dict:
    return {"themes": partnerships.theme_list_with_counts()}
