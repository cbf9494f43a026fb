"""The relevance test set: queries people type, in Swedish and English, and what must come first.

Each case goes through the header search (``/sv/sok/``, ``/en/search/``) and through the list
of its kind, so the site search and every list with a search box answer the same way
(core.search is their one design).
"""

import re

import pytest
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation

from knowledge.tests.factories import make_call, make_event, make_person, make_publication
from partnerships.tests.factories import foreign_organisation, partnership
from programmes.tests.conftest import make_programme
from reference.models import Organisation

pytestmark = pytest.mark.django_db


def partner(name: str) -> list[Organisation]:
    """A partner abroad called ``name`` in both languages (the factory's say "Town Council")."""
    return [
        Organisation.objects.create(
            kind=Organisation.Kind.LOCAL_GOVERNMENT,
            country_id="KE",
            short_name=name,
            name_sv=name,
            name_en=name,
            slug=name.lower(),
        )
    ]


@pytest.fixture
def content():
    bihac = foreign_organisation("BA", name="Bihać")
    return {
        "vara-climate": partnership(
            slug="vara-climate",
            swedish_slugs=("vara",),
            title_sv="Klimatarbete på landsbygden",
            title_en="Climate work in the countryside",
            summary_sv="Kommunen och partnern planerar för ett varmare klimat.",
            summary_en="Planning for a warmer climate together.",
        ),
        "orebro-climate": partnership(
            slug="orebro-climate",
            swedish_slugs=("orebro",),
            title_sv="Klimatanpassning i staden",
            title_en="Climate adaptation in the city",
        ),
        "malmo": partnership(
            slug="malmo-gender",
            swedish_slugs=("malmo",),
            title_sv="Jämställd lokal demokrati",
            title_en="Gender-equal local democracy",
        ),
        "umea-water": partnership(
            slug="umea-water",
            swedish_slugs=("umea",),
            title_sv="Trygg vattenförsörjning",
            title_en="Safe drinking water supply",
        ),
        "skelleftea": partnership(
            slug="skelleftea-health",
            swedish_slugs=("skelleftea",),
            title_sv="Hälsa och delaktighet",
            title_en="Health and participation",
        ),
        "bihac": partnership(
            slug="bihac-spaces",
            swedish_slugs=("kumla",),
            country="BA",
            partners=[bihac],
            title_sv="Inkluderande offentliga rum",
            title_en="Inclusive public spaces",
        ),
        "youth-council": partnership(
            slug="youth-council",
            partners=partner("Kisumu"),
            title_sv="Ungdomsfullmäktige i Kisumu",
            title_en="A youth council in Kisumu",
        ),
        "youth-in-body": partnership(
            slug="youth-in-body",
            partners=partner("Nakuru"),
            title_sv="Skolans roll",
            title_en="The role of schools",
            goals_en="<p>A council where youth have a say.</p>",
        ),
        "youth-only": partnership(
            slug="youth-only",
            partners=partner("Eldoret"),
            title_sv="Unga i politiken",
            title_en="Youth in politics",
        ),
        "petrovic": make_publication(
            slug="petrovic-paper",
            title_sv="Lokal demokrati i kris",
            title_en="Local democracy in crisis",
            authors=[make_person(given_names="Milan", family_name="Petrović")],
        ),
        "call": make_call(
            slug="call-2027",
            title_sv="Utlysning: forskning om lokal demokrati",
            title_en="Call for research on local democracy",
        ),
        "event": make_event(
            slug="water-seminar",
            title_sv="Seminarium om vattenförsörjning",
            title_en="Seminar on water supply",
        ),
        "programme": make_programme(
            slug="climate-itp",
            title_sv="Klimatsmart samhällsplanering",
            title_en="Climate-smart urban planning",
        ),
    }


def site_results(language: str, query: str) -> tuple[list[str], str]:
    """The result links of the site search, in page order, and the page."""
    with translation.override(language):
        url = reverse("portal:search")
    from django.test import Client

    html = Client().get(url, {"q": query}).content.decode()
    results = html.split('class="search-results"', 1)[-1] if "search-results" in html else ""
    return re.findall(r'<li><a href="([^"]+)"', results), html


def list_page(url_name: str, language: str, query: str) -> str:
    from django.test import Client

    with translation.override(language):
        url = reverse(url_name)
    return Client().get(url, {"q": query}).content.decode()


def in_page_order(html: str, urls: list[str]) -> list[str]:
    """Those of ``urls`` the page links to, in the order it first shows them."""
    found = [url for url in urls if f'href="{url}"' in html]
    return sorted(found, key=lambda url: html.index(f'href="{url}"'))


def slug_url(obj, language: str) -> str:
    with translation.override(language):
        return obj.get_absolute_url()


# (query, expected first result key): names without diacritics, word starts, heads of
# compounds, names that are stop words, several words.
PARTNERSHIP_CASES = [
    ("Malmo", "malmo"),
    ("Umea", "umea-water"),
    ("Bihac", "bihac"),
    ("Skellef", "skelleftea"),
    ("vatten", "umea-water"),
    ("Vara klimat", "vara-climate"),
    ("youth council", "youth-council"),
]


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize(("query", "expected"), PARTNERSHIP_CASES)
def test_the_partnership_people_mean_comes_first(content, language, query, expected):
    url = slug_url(content[expected], language)
    links, _ = site_results(language, query)
    assert links and links[0] == url
    partnerships = [slug_url(obj, language) for obj in content.values()]
    listed = in_page_order(list_page("partnerships:list", language, query), partnerships)
    assert listed and listed[0] == url


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_name_that_is_a_swedish_stop_word_is_found_and_narrows(content, language):
    # "Vara" (Swedish for "to be") with "klimat": Vara's climate work, not Örebro's.
    links, _ = site_results(language, "Vara klimat")
    assert slug_url(content["vara-climate"], language) in links
    assert slug_url(content["orebro-climate"], language) not in links


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_word_must_match_when_something_has_them_all(content, language):
    links, _ = site_results(language, "youth council")
    youth_council = slug_url(content["youth-council"], language)
    body_only = slug_url(content["youth-in-body"], language)
    assert links.index(youth_council) < links.index(body_only)  # the title outranks the body
    assert slug_url(content["youth-only"], language) not in links  # one word is not enough


@pytest.mark.parametrize("language", ["sv", "en"])
def test_when_nothing_has_every_word_any_word_is_enough(content, language):
    links, html = site_results(language, "Umea Skellef")
    assert slug_url(content["umea-water"], language) in links
    assert slug_url(content["skelleftea"], language) in links
    assert "Nothing has all of your words" in html or "Inget innehåller alla dina ord" in html


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize(
    ("query", "expected", "list_name"),
    [
        ("Petrovic", "petrovic", "knowledge:publications"),
        ("utlysning", "call", "knowledge:calls"),
        ("vattenforsorjning", "event", "knowledge:events"),
        ("klimatsmart", "programme", "programmes:index"),
    ],
)
def test_other_kinds_are_found_from_the_header_and_their_list(
    content, language, query, expected, list_name
):
    url = slug_url(content[expected], language)
    links, _ = site_results(language, query)
    assert url in links
    assert f'href="{url}"' in list_page(list_name, language, query)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_organisations_and_countries_are_found_without_diacritics(content, language):
    links, _ = site_results(language, "Orebro")
    with translation.override(language):
        assert reverse("portal:organisation", kwargs={"slug": "orebro"}) in links
    links, _ = site_results(language, "Bosnien" if language == "sv" else "Bosnia")
    with translation.override(language):
        assert reverse("portal:country", kwargs={"slug": content["bihac"].country.slug}) in links


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize(
    ("typed", "meant"), [("Skelefteå", "Skellefteå"), ("Petrovich", "Petrović")]
)
def test_a_misspelt_name_gets_a_did_you_mean(content, language, typed, meant):
    _, html = site_results(language, typed)
    assert "Did you mean:" in html or "Menade du:" in html
    assert f">{meant}</a>" in html


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        # Results were found (through "or", or by any word), yet one name found nothing.
        ("klimat or Skelefteå", "klimat or Skellefteå"),
        ("Petrovich demokrati", "Petrović demokrati"),
        ("Petrovich democracy", "Petrović democracy"),
    ],
)
def test_a_misspelt_name_gets_a_did_you_mean_beside_results(content, language, typed, meant):
    links, html = site_results(language, typed)
    assert links  # the other words found something
    assert "Did you mean:" in html or "Menade du:" in html
    assert f">{meant}</a>" in html


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("typed", ["youth council", "klimat or vatten", "Vara klimat"])
def test_no_did_you_mean_when_every_word_found_something(content, language, typed):
    links, html = site_results(language, typed)
    assert links
    assert "Did you mean:" not in html and "Menade du:" not in html


@pytest.mark.parametrize("language", ["sv", "en"])
def test_snippets_mark_what_matched_in_the_visitors_language(content, language):
    _, html = site_results(language, "klimat" if language == "sv" else "climate")
    if language == "sv":
        assert "<mark>Klimatarbete</mark> på landsbygden" in html
    else:
        assert "<mark>Climate</mark> work in the countryside" in html


@pytest.mark.parametrize(
    ("list_name", "menu"),
    [("partnerships:list", "filter-sort"), ("knowledge:publications", "library-sort")],
)
def test_the_sort_menu_sends_no_order_of_its_own_so_a_search_is_ranked(content, list_name, menu):
    # Browsing: the list's own order is the menu's first option, and it sends no value.
    browsing = list_page(list_name, "en", "")
    select = browsing.split(f'id="{menu}"', 1)[1].split("</select>", 1)[0]
    assert re.search(r'<option value="" selected>\s*Newest first', select)
    # A search typed into that form (sort="") comes back ranked, best match first.
    from django.test import Client

    with translation.override("en"):
        url = reverse(list_name)
    searched = Client().get(url, {"q": "youth council", "sort": ""}).content.decode()
    select = searched.split(f'id="{menu}"', 1)[1].split("</select>", 1)[0]
    assert re.search(r'<option value="" selected>\s*Best match', select)
    assert 'value="newest"' in select  # picking an order by hand is still possible


def test_a_search_matching_more_rows_than_are_ranked_pages_through_all_of_them(monkeypatch):
    """The library ranks the first pages among its first matches (core.search.RankedResults);
    pages beyond them rank every match: each publication is listed once, best first."""
    from django.test import Client

    from core import search

    # Which matches are the candidates depends on where the rows lie in the table (dead rows
    # of earlier tests, autovacuum): any 36 of these 45 hold at least 21 of the 30 with the
    # words in the title, so the first page is those whichever 36 they are.
    monkeypatch.setattr(search, "RANK_CANDIDATES", 36)
    for n in range(45):
        # A third have the words in the abstract only: ranked after those with them in the title.
        title = f"Rapport {n}" if n % 3 == 0 else f"Lokal demokrati {n}"
        make_publication(
            slug=f"lokal-{n}",
            title_sv=title,
            title_en=title,
            abstract_sv="Om lokal demokrati." if n % 3 == 0 else "",
        )
    with translation.override("sv"):
        url = reverse("knowledge:publications")
    seen = []
    for page in (1, 2, 3):
        html = Client().get(url, {"q": "lokal demokrati", "page": page}).content.decode()
        seen += re.findall(r'href="[^"]*/(lokal-\d+)/"', html)
    assert sorted(seen) == sorted(f"lokal-{n}" for n in range(45))
    first_page = seen[:20]
    assert not any(int(slug.split("-")[1]) % 3 == 0 for slug in first_page)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_library_falls_back_to_any_word_when_nothing_has_them_all(content, language):
    from knowledge.search import library_search

    make_publication(slug="water-paper", title_sv="Vatten i staden", title_en="Water in the city")
    with translation.override(language):
        # No publication has both words: each is found by one of them, best match first.
        result = library_search(QueryDict("q=Petrovic vatten"))
        assert result.query.any_word
        assert {p.slug for p in result.page.object_list} == {"petrovic-paper", "water-paper"}
        assert result.page.paginator.count == 2
        # One has both: only it.
        result = library_search(QueryDict("q=Petrovic demokrati"))
        assert not result.query.any_word
        assert [p.slug for p in result.page.object_list] == ["petrovic-paper"]


DID_YOU_MEAN = {"sv": "Menade du:", "en": "Did you mean:"}


def suggested_link(html: str) -> tuple[str, str] | None:
    """The "did you mean" link of a page: its address (entities decoded) and its text."""
    found = re.search(r'(?:Did you mean:|Menade du:) <a href="([^"]+)">([^<]+)</a>', html)
    return (found.group(1).replace("&amp;", "&"), found.group(2)) if found else None


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize(
    ("url_name", "typed", "meant"),
    [
        # Names of municipalities and partners on the partnership list.
        ("partnerships:list", "Skelefteå", "Skellefteå"),
        ("partnerships:list", "Bihach", "Bihać"),
        ("partnerships:list", "Skelefteå or klimat", "Skellefteå or klimat"),
        # Authors' names in the library, alone or beside words that found something.
        ("knowledge:publications", "Petrovich", "Petrović"),
        ("knowledge:publications", "Petrovich demokrati", "Petrović demokrati"),
        ("knowledge:publications", "Petrovich democracy", "Petrović democracy"),
    ],
)
def test_the_lists_with_a_search_box_offer_a_did_you_mean(
    content, client, language, url_name, typed, meant
):
    html = list_page(url_name, language, typed)
    assert DID_YOU_MEAN[language] in html
    link = suggested_link(html)
    assert link is not None and link[1] == meant
    # The link searches the list itself for the corrected words, and that finds them.
    with translation.override(language):
        assert link[0].startswith(reverse(url_name) + "?")
    assert QueryDict(link[0].split("?", 1)[1])["q"] == meant
    assert DID_YOU_MEAN[language] not in client.get(link[0]).content.decode()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_partnership_list_suggests_a_country_in_the_pages_language(content, language):
    typed, meant = {"sv": ("Bosnein", "Bosnien"), "en": ("Herzegovna", "Herzegovina")}[language]
    link = suggested_link(list_page("partnerships:list", language, typed))
    assert link is not None and link[1] == meant


def test_the_partnership_list_keeps_its_filters_in_the_did_you_mean(content, client):
    with translation.override("en"):
        url = reverse("partnerships:list")
    html = client.get(url, {"q": "Skelefteå", "phase": "implementation", "page": "2"}).text
    link = suggested_link(html)
    assert link is not None
    params = QueryDict(link[0].split("?", 1)[1])
    assert params["q"] == "Skellefteå" and params["phase"] == "implementation"
    assert "page" not in params


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize(
    ("url_name", "typed"),
    [
        ("partnerships:list", "klimat"),
        ("partnerships:list", "Vara klimat"),
        ("knowledge:publications", "Petrovic"),
        ("knowledge:publications", "lokal demokrati"),
    ],
)
def test_the_lists_offer_no_did_you_mean_when_every_word_found_something(
    content, language, url_name, typed
):
    assert DID_YOU_MEAN[language] not in list_page(url_name, language, typed)
