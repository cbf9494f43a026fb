"""core.search: whatever a visitor types becomes a plain, bounded search text, and a query
PostgreSQL accepts (property-based: hypothesis generates the input)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.models import Page
from core.search import (
    MAX_QUERY_LENGTH,
    MAX_TERMS,
    MAX_WORD_LENGTH,
    clean_query,
    clean_search,
    lexemes,
    parse_terms,
    resolve,
    search_vector_expression,
)


def test_control_characters_become_single_spaces():
    assert clean_query("va\x00ra\x1b \n\t klimat ") == "va ra klimat"


def test_the_search_highlight_markers_cannot_be_typed_in():
    # knowledge.search marks matches with these private-use characters.
    assert clean_query("vatten\ue000\ue001 miljö") == "vatten miljö"


def test_the_length_is_capped_at_the_callers_limit():
    assert len(clean_query("x" * 5000)) == MAX_QUERY_LENGTH
    assert clean_query("kommunal utveckling", max_length=8) == "kommunal"


def test_nothing_gives_an_empty_search():
    assert clean_query(None) == "" and clean_query("  \x00 ") == ""


@given(st.text(max_size=500))
def test_any_input_gives_printable_text_within_the_limit(text):
    cleaned = clean_query(text)
    assert len(cleaned) <= MAX_QUERY_LENGTH
    assert all(ch.isprintable() for ch in cleaned)
    assert cleaned == cleaned.strip() and "  " not in cleaned


# --- The query built from what was typed ----------------------------------------------------

HOSTILE_ALPHABET = st.sampled_from(
    list("-!&|():*<>'\"\\ \x00\t\n%_") + ["or", "OR", "a", "ö", "東"]
)
typed = st.one_of(
    st.text(max_size=300),
    st.lists(HOSTILE_ALPHABET, max_size=300).map("".join),
    st.lists(st.text(alphabet='abcåäö-"', min_size=1, max_size=12), max_size=600).map(" ".join),
)


@given(typed)
def test_every_term_is_letters_and_digits_only_and_bounded(text):
    terms = parse_terms(text)
    assert len(terms) <= MAX_TERMS
    for term in terms:
        assert term.words
        for word in term.words:
            assert word.isalnum() and len(word) <= MAX_WORD_LENGTH
    # A query of exclusions alone would match nearly everything: it is no search.
    assert not terms or any(not term.exclude for term in terms)


@pytest.mark.django_db
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(typed)
def test_postgresql_accepts_the_query_of_any_input(text):
    vector = search_vector_expression(a=["title"], b=["lead"], c=["body"])
    for any_word in (False, True, None):
        found = resolve(Page.objects.all(), text, vector=vector, any_word=any_word)
        list(found.queryset.annotate(rank=found.rank()) if found.query is not None else [])
    assert (clean_search(text) == "") == (parse_terms(text) == [])


@pytest.mark.django_db
def test_words_phrases_exclusions_and_or():
    Page.objects.all().delete()
    Page.objects.create(key="about", title_sv="Lokal demokrati i Kenya", title_en="")
    Page.objects.create(key="contact", title_sv="Demokrati och budget i Kina", title_en="")
    vector = search_vector_expression(a=["title"])

    def keys(text):
        return sorted(
            resolve(Page.objects.all(), text, vector=vector).queryset.values_list("key", flat=True)
        )

    assert keys('"lokal demokrati"') == ["about"]
    assert keys("demokrati -kina") == ["about"]
    assert keys("kenya or kina") == ["about", "contact"]
    assert keys("demokr") == ["about", "contact"]  # a word start
    assert keys("Kenya Kina") == ["about", "contact"]  # nothing has both: either will do
    assert keys("-kina") == []  # only an exclusion: no search


@pytest.mark.django_db
def test_each_word_is_read_with_both_stemmers_and_as_written(django_assert_num_queries):
    with django_assert_num_queries(1):
        found = lexemes(["kommunerna", "malmö", "municipalities", "vara"])
    assert "kommun" in found["kommunerna"]  # the Swedish stem
    assert "municip" in found["municipalities"]  # the English stem
    assert found["malmö"] == ("malmo",)  # accents removed, once whatever the readings
    assert "vara" in found["vara"]  # a Swedish stop word, still its name
    # Known words are not looked up again; a new one is, alone.
    with django_assert_num_queries(0):
        assert lexemes(["malmö"]) == {"malmö": ("malmo",)}
    with django_assert_num_queries(1):
        lexemes(["malmö", "umeå"])


@pytest.mark.django_db
def test_a_word_with_a_quote_or_backslash_in_its_lexemes_still_searches():
    from core import search

    Page.objects.all().delete()
    Page.objects.create(key="about", title_sv="Lokal demokrati", title_en="")
    vector = search_vector_expression(a=["title"])
    # parse_terms never lets these through; the quoting holds if a dictionary ever made one.
    search._LEXEMES["lokal"] = ("lokal", "it's", "back\\slash")
    found = resolve(Page.objects.all(), "lokal", vector=vector).queryset
    assert list(found.values_list("key", flat=True)) == ["about"]


@pytest.mark.django_db
def test_numbers_and_codes_match_whole_words_only():
    Page.objects.all().delete()
    Page.objects.create(key="about", title_sv="Rapport 2016", title_en="")
    Page.objects.create(key="contact", title_sv="Rapport 20160", title_en="")
    vector = search_vector_expression(a=["title"])
    found = resolve(Page.objects.all(), "2016", vector=vector).queryset
    assert list(found.values_list("key", flat=True)) == ["about"]


@pytest.mark.django_db
def test_the_site_search_finds_published_pages_only():
    """A page staff are still writing is a draft: its title and lead stay out of the search."""
    from portal.search import site_search

    Page.objects.create(
        slug="kompisar", title_sv="Kompisprogrammet", title_en="", lead_sv="Om kompisar"
    )
    Page.objects.create(
        slug="hemligt",
        title_sv="Kompisprogrammet, utkast",
        title_en="",
        lead_sv="Inte klart",
        is_published=False,
    )
    pages = next(group for group in site_search("kompis").groups if group.key == "pages")
    assert [page.slug for page in pages.items] == ["kompisar"]
    assert pages.total == 1


def test_every_site_search_source_of_publishable_content_finds_published_rows_only():
    """Each app registers its own kinds: none may offer drafts to the site search."""
    from core import registries
    from core.publishing import Publishable

    for key, source in registries.search_sources.items():
        queryset = source.queryset()
        if issubclass(queryset.model, Publishable):
            assert "is_published" in str(queryset.query).partition(" WHERE ")[2], key
