"""Facet counts of the lists with a search box come from one query, whatever is chosen, and
count what a visitor would get by choosing each value (every other filter applied)."""

import pytest
from django.http import QueryDict
from django.utils import translation

from knowledge import search as library
from knowledge.tests.factories import make_publication
from partnerships import selectors
from partnerships.selectors import PartnershipFilters
from partnerships.tests.factories import partnership
from reference.models import Country, County, Organisation, Theme

pytestmark = pytest.mark.django_db


def counts(facet) -> dict[str, int]:
    return {option.value: option.count for option in facet.options}


@pytest.fixture
def partnerships():
    partnership(
        swedish_slugs=("vara", "ale"),
        country="KE",
        themes=("education", "gender-equality"),
        title_sv="Skolans klimat",
        title_en="The school's climate",
        start_year=2018,
        end_year=2020,
        status="completed",
    )
    partnership(swedish_slugs=("vara",), country="TZ", themes=("education",), start_year=2020)
    partnership(
        swedish_slugs=("malmo",),
        country="KE",
        themes=("gender-equality",),
        title_sv="Klimatarbete",
        title_en="Climate work",
        phase="inception",
    )
    # A draft (with a theme of its own, and one it shares) is counted nowhere.
    partnership(
        swedish_slugs=("umea",),
        country="KE",
        themes=("education", "environment-and-climate"),
        publish=False,
    )


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"q": "klimat"},
        {"country": "KE"},
        {"country": "KE", "theme": "education", "status": "completed"},
        {"q": "climate", "organisation": "vara", "county": "14", "phase": "project", "year": 2019},
    ],
)
def test_partnership_facets_are_one_query_whatever_is_chosen(
    partnerships, filters, django_assert_num_queries
):
    chosen = PartnershipFilters(
        q=filters.get("q", ""),
        country=Country.objects.filter(code=filters.get("country")).first(),
        theme=Theme.objects.filter(slug=filters.get("theme")).first(),
        organisation=Organisation.objects.filter(slug=filters.get("organisation")).first(),
        county=County.objects.filter(code=filters.get("county")).first(),
        status=filters.get("status", ""),
        phase=filters.get("phase", ""),
        year=filters.get("year"),
    )
    chosen = selectors.with_search_resolved(chosen)
    with django_assert_num_queries(1):
        facets = selectors.partnership_facets(chosen)
    assert set(facets) == {"country", "organisation", "county", "theme", "phase", "status", "year"}


def test_partnership_facets_count_published_partnerships_once_each(partnerships):
    with translation.override("en"):
        facets = selectors.partnership_facets(PartnershipFilters())
        labels = {option.value: option.label for option in facets["country"].options}
    assert counts(facets["country"]) == {"kenya": 2, "tanzania": 1}
    assert labels == {"kenya": "Kenya", "tanzania": "Tanzania"}
    assert counts(facets["theme"]) == {"education": 2, "gender-equality": 2}
    assert counts(facets["organisation"]) == {"vara": 2, "ale": 1, "malmo": 1}
    # Vara and Ale are both in Västra Götaland: the partnership they share counts once there.
    county = {option.label: option.count for option in facets["county"].options}
    assert county["Västra Götaland County"] == 2
    assert counts(facets["status"]) == {"active": 2, "completed": 1}
    assert counts(facets["phase"]) == {"project": 2, "inception": 1}
    years = counts(facets["year"])
    assert years["2018"] == 1 and years["2020"] == 3


def test_a_facet_with_a_choice_counts_without_its_own_filter(partnerships):
    kenya = Country.objects.get(code="KE")
    facets = selectors.partnership_facets(
        selectors.with_search_resolved(PartnershipFilters(q="klimat", country=kenya))
    )
    # Both matches are in Kenya; the country facet still shows what else there is.
    assert counts(facets["country"]) == {"kenya": 2}
    assert counts(facets["theme"]) == {"education": 1, "gender-equality": 2}
    facets = selectors.partnership_facets(PartnershipFilters(country=kenya, status="completed"))
    assert counts(facets["status"]) == {"active": 1, "completed": 1}
    assert counts(facets["country"]) == {"kenya": 1}


def test_a_facet_that_is_the_only_filter_counts_every_published_partnership(partnerships):
    education = Theme.objects.get(slug="education")
    facets = selectors.partnership_facets(PartnershipFilters(theme=education))
    assert counts(facets["theme"]) == {"education": 2, "gender-equality": 2}
    assert counts(facets["country"]) == {"kenya": 1, "tanzania": 1}
    vara = Organisation.objects.get(slug="vara")
    facets = selectors.partnership_facets(PartnershipFilters(organisation=vara))
    assert counts(facets["organisation"]) == {"vara": 2, "ale": 1, "malmo": 1}
    assert counts(facets["theme"]) == {"education": 2, "gender-equality": 1}


def test_a_partner_abroad_chosen_shows_how_many_partnerships_it_has(partnerships):
    partner = Organisation.objects.filter(country_id="TZ").first()
    facets = selectors.partnership_facets(PartnershipFilters(organisation=partner))
    chosen = [option for option in facets["organisation"].options if option.selected]
    assert [(option.value, option.count) for option in chosen] == [(partner.slug, 1)]


@pytest.mark.parametrize(
    "params",
    [
        "",
        "q=democracy",
        "type=anthology&theme=education",
        "theme=education",
        "q=democracy&year=2019&language=sv&country=kenya",
    ],
)
def test_library_facets_are_one_query_whatever_is_chosen(params, django_assert_num_queries):
    education = Theme.objects.get(slug="education")
    kenya = Country.objects.get(code="KE")
    make_publication(title_en="Local democracy", themes=[education], countries=[kenya], year=2019)
    make_publication(title_en="Democracy at school", type="anthology", document_languages=["sv"])
    # A draft is counted nowhere, the unfiltered library's link-table counts included.
    make_publication(
        title_en="Democracy draft", themes=[education], countries=[kenya], is_published=False
    )
    query = library.LibraryQuery.from_params(QueryDict(params))
    themes, countries = library._vocabulary()
    theme_ids = {t.slug: t.pk for t in themes}
    country_ids = {c.slug: c.pk for c in countries}

    def base(skip=""):
        return library.filtered_publications(
            query, theme_ids=theme_ids, country_ids=country_ids, skip=skip
        )

    with django_assert_num_queries(1):
        found = library.facet_counts(query, base)
    if not params:
        assert found["total"] == {"": 2}
        assert found["type"] == {"research_report": 1, "anthology": 1}
        assert found["theme"] == {str(education.pk): 1}
        assert found["country"] == {"KE": 1}
        assert found["language"] == {"en": 1, "sv": 1}
    if params == "theme=education":
        # The only filter: its own facet counts every published publication, drafts left out.
        assert found["theme"] == {str(education.pk): 1}
        assert found["total"] == {"": 1}
        assert found["country"] == {"KE": 1}
    if params == "type=anthology&theme=education":
        # Each facet with a choice counts without its own filter, every other one with both.
        assert found["total"] == {"": 0}
        assert found["type"] == {"research_report": 1}
        assert found["theme"] == {}


def test_library_language_counts_count_each_language_of_a_document():
    make_publication(title_en="Three languages", document_languages=["sv", "en", "ru"])
    make_publication(title_en="Portuguese", document_languages=["pt"], type="anthology")
    make_publication(title_en="None given", document_languages=[])
    for params in ("", "type=anthology", "language=ru", "type=anthology&year=2020&language=pt"):
        query = library.LibraryQuery.from_params(QueryDict(params))

        def base(skip="", query=query):
            return library.filtered_publications(query, theme_ids={}, country_ids={}, skip=skip)

        found = library.facet_counts(query, base)
        if params in ("", "language=ru"):
            # A chosen language still counts every other: its facet leaves out its own filter.
            assert found["language"] == {"sv": 1, "en": 1, "ru": 1, "pt": 1}
        if params == "type=anthology":
            assert found["language"] == {"pt": 1} and found["total"] == {"": 1}
        if params == "language=ru":
            assert found["total"] == {"": 1} and found["type"] == {"research_report": 1}
        if params.startswith("type=anthology&year"):
            # Every grouped facet chosen: the total alone, each facet without its own filter.
            assert found["total"] == {"": 1} and found["year"] == {"2020": 1}
            assert found["type"] == {"anthology": 1}
