"""No input to any search box, export or feed gives a server error (issue 15).

PostgreSQL refuses some text-search queries outright ("tsquery stack too small" for 35 minus
signs, syntax errors for stray operators): every search goes through core.search, which
builds the query from letters and digits only. Each input is sent to every search box, every
export (CSV, JSON, Atom, iCalendar) and every alert feed and subscription page, in both
languages for the site search; streamed exports are read to the end, so a failure half-way
through (a truncated file) fails the test too.
"""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from core import registries
from knowledge.tests.factories import make_call, make_event, make_publication
from partnerships.tests.factories import partnership
from programmes.tests.conftest import make_programme

pytestmark = pytest.mark.django_db

HOSTILE = [
    "-" * 35,
    "-" * 1000,
    "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -",
    "!&|():*<>'\"\\",
    "!!!",
    "a & b | !c <-> d:* 'e'",
    "(((((((((((((((((((((((((((((((((((((((((((((((",
    '"',
    '"unclosed phrase',
    "or",
    "or or or -or",
    "-kenya",
    "kenya\x00vara",
    "\x00",
    "x" * 10_000,
    " ".join(f"ord{n}" for n in range(500)),
    "Malmö 東京 Москва مرحبا שלום 🌍 e\u0301",
    "\ue000mark\ue001",
    "%",
    "_",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "a:* b:A c:*AB",
]

SEARCH_PAGES = [
    ("portal:search", {}),
    ("partnerships:list", {}),
    ("partnerships:index", {}),
    ("partnerships:seeker_list", {}),
    ("programmes:index", {}),
    ("knowledge:publications", {}),
    ("knowledge:events", {}),
    ("knowledge:calls", {}),
]
EXPORTS = [
    "partnerships:export_csv",
    "partnerships:export_json",
    "knowledge:library_csv",
    "knowledge:library_json",
    "knowledge:publication_feed",
    "knowledge:call_feed",
    "knowledge:calendar_feed",
    "partnerships:story_feed",
]


@pytest.fixture
def content():
    # Something to find (and to export) for every kind.
    partnership(title_sv="Klimatarbete i Vara", title_en="Climate work in Vara")
    make_publication(title_en="Local democracy in Kenya")
    make_event(title_en="Seminar on local democracy")
    make_call(title_en="Call on local democracy")
    make_programme(title_en="Local democracy programme")


def read_all(response) -> bytes:
    """The whole body; a streamed one is read to its end (an error would raise here)."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def get(url: str, query: str, **headers):
    response = Client().get(url, {"q": query}, **headers)
    body = read_all(response)
    return response, body


@pytest.mark.parametrize("query", HOSTILE)
def test_no_search_box_fails_on_any_input(content, query):
    for language in ("sv", "en"):
        for name, kwargs in SEARCH_PAGES:
            with translation.override(language):
                url = reverse(name, kwargs=kwargs)
            response, _ = get(url, query)
            assert response.status_code == 200, (url, query)
    # The partnership list's live results (the partial the filter script asks for).
    with translation.override("en"):
        url = reverse("partnerships:list")
    response, _ = get(url, query, headers={"X-Partnerships-Partial": "results"})
    assert response.status_code == 200


@pytest.mark.parametrize("query", HOSTILE)
def test_no_export_or_feed_fails_or_is_cut_short_on_any_input(content, query):
    for name in EXPORTS:
        with translation.override("en"):
            url = reverse(name)
        response, body = get(url, query)
        assert response.status_code == 200, (url, query)
        if name.endswith("_json"):
            assert body.rstrip().endswith((b"]", b"}")), url  # a whole document
        if name.endswith("_csv"):
            assert body.endswith(b"\n"), url


@pytest.mark.parametrize("query", HOSTILE)
def test_no_alert_feed_or_subscription_page_fails_on_any_input(content, query):
    for kind in registries.alert_kinds:
        for name in ("alerts:atom", "alerts:ical", "alerts:subscribe"):
            with translation.override("en"):
                url = reverse(name, kwargs={"kind": kind})
            response, _ = get(url, query)
            # Only lists of dated things have a calendar: the others answer 404, never 5xx.
            expected = (200, 404) if name == "alerts:ical" else (200,)
            assert response.status_code in expected, (url, query)


def test_a_search_of_only_punctuation_lists_everything_instead_of_failing(content):
    with translation.override("en"):
        url = reverse("partnerships:list")
    _, body = get(url, "-" * 35)
    assert "Climate work in Vara" in body.decode()
