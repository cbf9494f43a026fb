"""What link previews and search engines read from every page: OpenGraph (type, title,
description, canonical url, locale and its alternate, image) and schema.org JSON-LD, with one
Organization and one WebSite (its SearchAction leading to the site search) on the home page."""

import json
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.test import Client

from tests.test_html_validity import _kind, crawl, demo  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db

SITE = "https://portal.example"
LOCALES = {"sv": ("sv_SE", "en_GB"), "en": ("en_GB", "sv_SE")}
ARTICLES = ("partnerships:story", "knowledge:publication", "knowledge:event", "knowledge:call")


class Head(HTMLParser):
    """The head's metadata: OpenGraph properties, canonical link, JSON-LD blocks, lang."""

    def __init__(self):
        super().__init__()
        self.og: dict[str, list[str]] = {}
        self.canonical = None
        self.lang = None
        self.json_ld: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "meta" and attrs.get("property", "").startswith("og:"):
            self.og.setdefault(attrs["property"], []).append(attrs.get("content") or "")
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs.get("href")
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data


def head_of(html: str) -> Head:
    head = Head()
    head.feed(html)
    return head


@pytest.fixture(scope="module")
def pages(demo, django_db_blocker):  # noqa: F811
    from django.conf import settings

    with django_db_blocker.unblock():
        previous, settings.ICLD_SITE_URL = settings.ICLD_SITE_URL, SITE
        try:
            yield crawl(Client())
        finally:
            settings.ICLD_SITE_URL = previous


def test_every_page_has_complete_opengraph_in_its_language(pages):
    assert len(pages) > 80
    for path, html in pages.items():
        head = head_of(html)
        og = {key: values[0] for key, values in head.og.items()}
        for key, values in head.og.items():
            assert len(values) == 1, (path, key, values)
        assert head.lang in LOCALES, path
        assert og["og:type"] in ("website", "article"), path
        assert og["og:title"].strip(), path
        assert len(og["og:description"].strip()) > 20, path
        assert og["og:url"] == head.canonical, path
        assert og["og:url"].startswith(SITE + "/"), path
        assert (og["og:locale"], og["og:locale:alternate"]) == LOCALES[head.lang], path
        assert og["og:image"].startswith(SITE + "/"), path
        assert og["og:site_name"] == "ICLD"
        view = _kind(path).split()[1]
        assert (og["og:type"] == "article") == (view in ARTICLES), (path, og["og:type"])


def test_a_pages_own_summary_is_its_opengraph_description(pages):
    for path, html in pages.items():
        if _kind(path).split()[1] not in ARTICLES + ("partnerships:detail", "programmes:detail"):
            continue
        head = head_of(html)
        description = head.og["og:description"][0]
        site_wide = (
            "ICLD stärker den lokala demokratin" if head.lang == "sv" else "ICLD strengthens"
        )
        assert not description.startswith(site_wide), path


# What schema.org consumers (search engines' rich results) need of each type.
REQUIRED = {
    "Event": ("name", "startDate", "location"),
    "Report": ("name", "author", "publisher", "datePublished"),
    "Book": ("name", "author", "publisher", "datePublished"),
    "CreativeWork": ("name", "publisher", "datePublished"),
    "Organization": ("name", "url"),
    "WebSite": ("name", "url"),
}


def test_every_json_ld_block_is_schema_org_with_types_and_required_fields(pages):
    types = Counter()
    for path, html in pages.items():
        head = head_of(html)
        for block in head.json_ld:
            data = json.loads(block)
            assert data["@context"] == "https://schema.org", path
            nodes = data.get("@graph", [data])
            for node in nodes:
                types[node["@type"]] += 1
                for field in REQUIRED.get(node["@type"], ()):
                    assert node.get(field), (path, node["@type"], field)
            if "@graph" not in data and "url" in data:
                # The page's own item is named by the page's canonical address.
                assert data["url"] == head.canonical, path
    assert types["Event"] and types["Report"] and types["WebSite"] == 2, types


@pytest.mark.parametrize("language", ["sv", "en"])
def test_home_page_names_the_organisation_and_the_site_with_its_search(pages, language):
    html = pages[f"/{language}/"]
    blocks = [json.loads(block) for block in head_of(html).json_ld]
    nodes = {node["@type"]: node for block in blocks for node in block.get("@graph", [block])}
    organisation, website = nodes["Organization"], nodes["WebSite"]
    assert organisation["name"].startswith("Swedish International Centre for Local Democracy")
    assert organisation["url"] == SITE + "/"
    assert organisation["logo"].startswith(SITE + "/")
    assert website["url"] == f"{SITE}/{language}/"
    assert website["inLanguage"] == language
    assert website["publisher"] == {"@id": organisation["@id"]}
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["query-input"] == "required name=search_term_string"
    template = action["target"]["urlTemplate"]
    assert "{search_term_string}" in template and template.startswith(SITE + "/")
    # The template leads to the site search, which finds what was asked for.
    search = urlsplit(template.replace("{search_term_string}", "demokrati"))
    answer = Client().get(f"{search.path}?{search.query}")
    assert answer.status_code == 200
    assert 'value="demokrati"' in answer.content.decode()
