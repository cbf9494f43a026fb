"""core.search.clean_query: whatever a visitor types becomes a plain, bounded search text."""

from hypothesis import given
from hypothesis import strategies as st

from core.search import MAX_QUERY_LENGTH, clean_query


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
