"""Library search: stemming in both languages, websearch syntax, ranking, snippets, facets."""

import pytest
from django.http import QueryDict
from django.utils import translation

from knowledge.models import Publication
from knowledge.search import LibraryQuery, library_search
from knowledge.tests.factories import make_person, make_publication
from reference.models import Country, Theme

pytestmark = pytest.mark.django_db


def search(query: str, language: str = "en"):
    with translation.override(language):
        return library_search(QueryDict(query))


def slugs(result) -> list[str]:
    return [p.slug for p in result.page.object_list]


def test_swedish_stemming_finds_other_forms_of_a_word():
    make_publication(slug="kommuner", title_sv="Medborgarna och kommunernas budget", title_en="")
    make_publication(slug="other", title_sv="Skolor i Kenya", title_en="")
    assert slugs(search("q=kommuner", "sv")) == ["kommuner"]
    assert slugs(search("q=medborgare+kommun", "sv")) == ["kommuner"]
    # Read with the English stemmer alone the word would not match: the Swedish one did it.
    from django.contrib.postgres.search import SearchQuery

    english_only = SearchQuery("medborgare", config="english", search_type="websearch")
    assert not Publication.objects.filter(search_vector=english_only).exists()


def test_english_stemming_finds_other_forms_of_a_word():
    make_publication(slug="munis", title_sv="Något", title_en="Participating municipalities")
    assert slugs(search("q=municipality+participation")) == ["munis"]


def test_authors_names_are_searchable():
    zapata = make_person(given_names="María José", family_name="Zapata")
    make_publication(slug="by-zapata", authors=[zapata])
    make_publication(slug="anonymous")
    assert slugs(search("q=Zapata")) == ["by-zapata"]


def test_a_title_match_ranks_above_an_abstract_match():
    make_publication(
        slug="abstract-only", title_en="Budgets", abstract_en="On gender equality in councils"
    )
    make_publication(slug="in-title", title_en="Gender equality", abstract_en="Councils")
    assert slugs(search("q=gender+equality")) == ["in-title", "abstract-only"]


def test_websearch_syntax_phrase_or_and_exclusion():
    make_publication(slug="a", title_en="Local democracy in Kenya")
    make_publication(slug="b", title_en="Democracy and local budgets in China")
    assert set(slugs(search('q="local democracy"'))) == {"a"}
    assert set(slugs(search("q=democracy+-china"))) == {"a"}
    assert set(slugs(search("q=kenya+or+china"))) == {"a", "b"}


def test_snippets_mark_matches_and_escape_html():
    make_publication(
        slug="x",
        title_en="Youth councils",
        abstract_en="<script>alert(1)</script> Youth councils in Botswana: 5 < 7 & more.",
    )
    publication = search("q=councils").page.object_list[0]
    assert "<mark>" in publication.snippet_html
    assert "<script>" not in publication.snippet_html
    assert "5 &lt; 7 &amp; more" in publication.snippet_html
    assert "<mark>councils</mark>" in publication.title_html.lower()


def test_facet_counts_follow_the_other_filters_but_not_their_own():
    kenya = Country.objects.get(code="KE")
    theme = Theme.objects.get(slug="gender-equality")
    make_publication(
        type=Publication.Type.POLICY_BRIEF, year=2020, countries=[kenya], themes=[theme]
    )
    make_publication(type=Publication.Type.POLICY_BRIEF, year=2021, countries=[kenya])
    make_publication(
        type=Publication.Type.WORKING_PAPER, year=2021, document_languages=["sv", "en"]
    )
    result = search("type=policy_brief")
    types = {o.value: (o.count, o.selected) for o in result.facets["type"]}
    # Choosing a type does not hide the other types (they can be added to the choice).
    assert types == {"policy_brief": (2, True), "working_paper": (1, False)}
    years = {o.value: o.count for o in result.facets["year"]}
    assert years == {"2020": 1, "2021": 1}
    assert {o.value: o.count for o in result.facets["country"]} == {"kenya": 2}
    assert {o.value: o.count for o in result.facets["theme"]} == {"gender-equality": 1}
    languages = {o.value: o.count for o in search("").facets["language"]}
    assert languages == {"en": 3, "sv": 1}
    assert result.page.paginator.count == 2


def test_filters_combine_across_facets_and_or_within_one():
    kenya = Country.objects.get(code="KE")
    make_publication(slug="k20", year=2020, countries=[kenya])
    make_publication(slug="k21", year=2021, countries=[kenya])
    make_publication(slug="x21", year=2021)
    assert set(slugs(search("year=2020&year=2021&country=kenya"))) == {"k20", "k21"}
    assert set(slugs(search("year=2021&country=kenya"))) == {"k21"}
    assert set(slugs(search("language=sv"))) == set()


@pytest.mark.parametrize(
    "params",
    [
        "page=abc",
        "page=99999",
        "page=-1",
        "sort=garbage",
        "year=abc&year=99999999",
        "type=nonsense",
        "theme=nope&country=atlantis",
        "language=xx",
        "q=" + "a" * 5000,
        "q=%00%01%02",
        "q=%22",
        "q=-",
        "q=or",
        "q=!:*&()",
        "q=%EE%80%80",
    ],
)
def test_any_query_string_gives_a_normal_result(params):
    make_publication()
    result = search(params)
    assert result.page.number >= 1
    assert len(result.query.q) <= 200


def test_unknown_filter_values_are_ignored_rather_than_emptying_the_list():
    make_publication()
    assert search("theme=unknown&country=atlantis").page.paginator.count == 1


def test_sorting_by_title_uses_the_visitors_language():
    make_publication(slug="b", title_sv="Alfa", title_en="Zulu")
    make_publication(slug="a", title_sv="Zeta", title_en="Alpha")
    assert slugs(search("sort=title", "en")) == ["a", "b"]
    assert slugs(search("sort=title", "sv")) == ["b", "a"]


def test_relevance_is_the_default_only_with_words_to_rank_by():
    assert LibraryQuery.from_params(QueryDict("")).sort == "newest"
    assert LibraryQuery.from_params(QueryDict("q=x")).sort == "relevance"
    assert LibraryQuery.from_params(QueryDict("sort=relevance")).sort == "newest"


def test_unpublished_publications_are_never_found():
    make_publication(slug="hidden", title_en="Secret draft", is_published=False)
    assert search("q=secret").page.paginator.count == 0


def test_the_search_uses_the_gin_index():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        qs = Publication.objects.filter(search_vector="democracy")
        plan = qs.explain()
        cursor.execute("RESET enable_seqscan")
    assert "knowledge_pub_search" in plan


KEYS = ["q", "type", "year", "theme", "country", "language", "sort", "page", "other"]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_random_query_strings_never_break_the_search(language):
    from urllib.parse import urlencode

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    make_publication(title_en="Local democracy", abstract_en="Participation")

    @given(st.lists(st.tuples(st.sampled_from(KEYS), st.text(max_size=60)), max_size=8))
    @settings(
        max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    def check(pairs):
        result = search(urlencode(pairs), language)
        assert result.page.number >= 1
        assert result.query.sort in ("relevance", "newest", "oldest", "title")

    check()


def test_did_you_mean_offers_only_authors_of_published_work():
    """The name of someone who wrote only a draft stays out of the suggestions, in the
    library's search box and in the site search, until the draft is published."""
    from portal.search import site_search

    draft = make_publication(
        title_en="Budget work", authors=[make_person(family_name="Petrović")], is_published=False
    )
    make_publication(title_en="Water", authors=[make_person(family_name="Lindqvist")])
    assert library_search(QueryDict("q=Lindkvist")).suggestion == "Lindqvist"
    assert library_search(QueryDict("q=Petrovits")).suggestion == ""
    assert site_search("Petrovits").suggestion == ""
    draft.is_published = True
    draft.save()
    assert library_search(QueryDict("q=Petrovits")).suggestion == "Petrović"
    assert site_search("Petrovits").suggestion == "Petrović"
