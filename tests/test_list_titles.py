"""A list's <title> names its filters and search, in both languages; the partnership list's
live filter takes the same title from its results partial, so the title a visitor sees after a
live change is the one the server renders for that address."""

import html
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from knowledge.tests.factories import make_call, make_event
from partnerships.tests.factories import partnership, seeker
from reference.models import Country

pytestmark = pytest.mark.django_db
SV = " – Internationellt centrum för lokal demokrati"
EN = " – Swedish International Centre for Local Democracy"


def title(text: str) -> str:
    return html.unescape(re.search(r"<title>(.*?)</title>", text, re.S).group(1))


def url(name: str, language: str, query: str = "") -> str:
    with translation.override(language):
        path = reverse(name)
    return f"{path}?{query}" if query else path


@pytest.fixture
def kenya_partnership():
    assert Country.objects.get(code="KE").slug == "kenya"
    return partnership(title_sv="Vatten i Kisumu", title_en="Water in Kisumu", country="KE")


@pytest.mark.parametrize(
    "language, query, expected",
    [
        ("sv", "", "Alla partnerskap" + SV),
        ("en", "", "All partnerships" + EN),
        (
            "sv",
            "country=kenya&q=vatten",
            "Partnerskap: Kenya, sökning ”vatten”" + SV,
        ),
        (
            "en",
            "country=kenya&q=water",
            "Partnerships: Kenya, search “water”" + EN,
        ),
        (
            "en",
            "country=kenya",
            "Partnerships: Kenya" + EN,
        ),
        (
            "sv",
            "q=vatten",
            "Partnerskap: sökning ”vatten”" + SV,
        ),
    ],
)
def test_the_partnership_list_title_names_its_filters_and_search(
    kenya_partnership, language, query, expected
):
    response = Client().get(url("partnerships:list", language, query))
    assert title(response.text) == expected


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("query", ["", "country=kenya&q=vatten", "q=%3Cb%3E%22x%22", "sort=title"])
def test_the_live_filter_partial_carries_the_pages_own_title(kenya_partnership, language, query):
    path = url("partnerships:list", language, query)
    page = Client().get(path).text
    partial = Client().get(path, headers={"X-Partnerships-Partial": "results"}).text
    carried = re.search(r'data-page-title="([^"]*)"', partial).group(1)
    assert html.unescape(carried) == title(page)
    assert "<b>" not in carried  # escaped like any text


@pytest.mark.parametrize(
    "name, language, expected",
    [
        ("knowledge:events", "sv", "Seminarier och workshoppar: sökning ”vatten”"),
        ("knowledge:events", "en", "Seminars and workshops: search “vatten”"),
        ("knowledge:calls", "sv", "Forskningsutlysningar: sökning ”vatten”"),
        ("knowledge:calls", "en", "Research calls: search “vatten”"),
    ],
)
def test_the_event_and_call_lists_name_their_search(name, language, expected):
    make_event(title_en="Water seminar")
    make_call(title_en="Water call")
    assert title(Client().get(url(name, language, "q=vatten")).text).startswith(expected + " – ")


@pytest.mark.parametrize(
    "language, expected",
    [
        ("sv", "Partner som söker en svensk partner: Kenya, Miljö och klimat, sökning ”vatten”"),
        (
            "en",
            "Partners looking for a Swedish partner: "
            "Kenya, Environment and climate, search “vatten”",
        ),
    ],
)
def test_the_seeker_list_names_its_filters_and_search(language, expected):
    seeker()  # Kenya, environment and climate: the filters offer only what seekers have
    query = "country=kenya&theme=environment-and-climate&q=vatten"
    response = Client().get(url("partnerships:seeker_list", language, query))
    assert title(response.text) == expected + (SV if language == "sv" else EN)
