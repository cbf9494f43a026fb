"""Every Atom feed and calendar the pages link to: RFC 4287's required elements, the item's
own times, absolute addresses on ICLD_SITE_URL, autodiscovery in <head>, conditional GET."""

import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import parse_http_date

from knowledge.tests.factories import make_call, make_event, make_person, make_publication
from partnerships.tests import factories as partnership_factories

pytestmark = pytest.mark.django_db

SITE = "https://portal.example"
ATOM = "{http://www.w3.org/2005/Atom}"
LIST_PAGES = [
    "knowledge:index",
    "knowledge:publications",
    "knowledge:calls",
    "knowledge:events",
    "partnerships:list",
    "partnerships:seeker_list",
    "partnerships:story_list",
    "programmes:index",
]
LINK = re.compile(r'<(?:link|a)\b[^>]*\btype="(application/atom\+xml|text/calendar)"[^>]*>')
HREF = re.compile(r'\bhref="([^"]+)"')
LONG_AGO = timezone.make_aware(datetime(2019, 3, 4, 9))


@pytest.fixture(autouse=True)
def _site(settings):
    settings.ICLD_SITE_URL = SITE


@pytest.fixture
def content():
    author = make_person(given_names="Anna", family_name="Nilsson")
    make_publication(authors=[author], created_at=LONG_AGO)
    make_call(created_at=LONG_AGO)
    make_event(created_at=LONG_AGO)
    # Announced as added two months ahead (the demo does this): no feed may date it ahead.
    make_event(created_at=timezone.now() + timedelta(days=60))
    vara = partnership_factories.partnership()
    partnership_factories.story(partnerships=[vara])
    partnership_factories.seeker()


def _path(url: str) -> str:
    assert url.startswith(SITE + "/"), url
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def linked_feeds(client) -> dict[str, set[str]]:
    """Every feed address the list pages link to, in both languages, by content type."""
    found = {"application/atom+xml": set(), "text/calendar": set()}
    for language in ("sv", "en"):
        for name in LIST_PAGES:
            with translation.override(language):
                page = client.get(reverse(name))
            assert page.status_code == 200, name
            for tag in LINK.finditer(page.content.decode()):
                href = HREF.search(tag.group(0)).group(1).replace("&amp;", "&")
                found[tag.group(1)].add(href)
    return found


def _time(element, tag: str) -> datetime:
    text = element.findtext(ATOM + tag)
    assert text, f"{tag} missing"
    return datetime.fromisoformat(text)


def test_every_linked_atom_feed_has_the_elements_rfc_4287_requires(client, content):
    feeds = linked_feeds(client)["application/atom+xml"]
    assert any("/sv/" in f for f in feeds) and any("/en/" in f for f in feeds)
    assert len(feeds) >= 14  # seven feeds, each in two languages
    now = timezone.now()
    entries_seen = 0
    for url in sorted(feeds):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("application/atom+xml")
        feed = ET.fromstring(response.content)
        assert feed.tag == ATOM + "feed"
        assert feed.findtext(ATOM + "title"), url
        assert feed.findtext(ATOM + "id"), url
        assert feed.findtext(f"{ATOM}author/{ATOM}name") == "ICLD", url
        assert _time(feed, "updated") <= now
        for link in feed.iter(ATOM + "link"):
            _path(link.get("href"))
        assert any(link.get("rel") == "self" for link in feed.findall(ATOM + "link"))
        entries = feed.findall(ATOM + "entry")
        for entry in entries:
            entries_seen += 1
            assert entry.findtext(ATOM + "title"), url
            assert entry.findtext(ATOM + "id"), url
            assert entry.findtext(f"{ATOM}author/{ATOM}name"), url
            updated = _time(entry, "updated")
            assert updated <= now, (url, entry.findtext(ATOM + "title"))
            for link in entry.findall(ATOM + "link"):
                assert client.get(_path(link.get("href"))).status_code == 200
        if entries:
            # The feed is as new as its newest entry, never the time of the request.
            assert _time(feed, "updated") == max(_time(e, "updated") for e in entries)
    assert entries_seen >= 10


def test_entries_carry_the_items_own_times_and_the_calls_deadline(client, content):
    with translation.override("en"):
        publications = ET.fromstring(client.get(reverse("knowledge:publication_feed")).content)
        calls = ET.fromstring(client.get(reverse("knowledge:call_feed")).content)
        events = ET.fromstring(
            client.get(reverse("alerts:atom", kwargs={"kind": "events"})).content
        )
    entry = publications.find(ATOM + "entry")
    assert _time(entry, "updated") == LONG_AGO
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Anna Nilsson"
    call = calls.find(ATOM + "entry")
    assert _time(call, "updated") == LONG_AGO
    assert "Deadline:" in call.findtext(ATOM + "summary")
    assert len(events.findall(ATOM + "entry")) == 1  # the one dated ahead is not out yet


def test_lists_announce_their_feeds_and_calendars_in_the_head(client):
    for language in ("sv", "en"):
        with translation.override(language):
            for name in (
                "knowledge:events",
                "partnerships:list",
                "partnerships:seeker_list",
                "programmes:index",
            ):
                head = client.get(reverse(name)).content.decode().split("</head>")[0]
                assert 'rel="alternate" type="application/atom+xml"' in head, name
            head = client.get(reverse("knowledge:events")).content.decode().split("</head>")[0]
            assert reverse("knowledge:calendar_feed") in head
            assert reverse("alerts:ical", kwargs={"kind": "events"}) in head


def test_every_feed_and_calendar_answers_conditional_requests(client, content):
    found = linked_feeds(client)
    urls = sorted(found["application/atom+xml"] | found["text/calendar"])
    assert len(found["text/calendar"]) >= 4
    now = timezone.now()
    for url in urls:
        first = client.get(url)
        assert first.status_code == 200, url
        etag = first["ETag"]
        assert client.get(url)["ETag"] == etag, url  # the same content, the same validator
        assert client.get(url, headers={"if-none-match": etag}).status_code == 304, url
        if first.has_header("Last-Modified"):
            last_modified = first["Last-Modified"]
            assert parse_http_date(last_modified) <= now.timestamp(), url
            again = client.get(url, headers={"if-modified-since": last_modified})
            assert again.status_code == 304, url
        assert client.get(url, headers={"if-none-match": '"other"'}).status_code == 200


def test_feeds_from_the_page_cache_answer_conditional_requests_too(client, content, settings):
    from django.core.cache import cache

    settings.ICLD_PAGE_CACHE_SECONDS = 300
    cache.clear()
    found = linked_feeds(client)
    for url in sorted(found["application/atom+xml"])[:4]:
        first = client.get(url)
        cached = client.get(url, headers={"if-none-match": first["ETag"]})
        assert cached["X-Page-Cache"] == "hit", url
        assert cached.status_code == 304, url
        assert client.get(url)["ETag"] == first["ETag"]
    cache.clear()
