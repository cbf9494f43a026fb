"""Every machine-readable output, read by the clients people use to read it: each Atom feed
the pages link to (feedparser, and RFC 4287's MUSTs checked here), each calendar (icalendar
and ics), each publication's BibTeX (bibtexparser) and RIS (rispy), the sitemap (every address
answers) and security.txt (RFC 9116). Feeds and calendars answer conditional requests and
never date themselves ahead of now."""

import re
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import datetime, timedelta
from html import unescape
from urllib.parse import urlsplit

import bibtexparser
import feedparser
import icalendar
import ics
import pytest
import rispy
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import http_date, parse_http_date

from tests.test_html_validity import _kind, crawl, demo  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db

SITE = "https://portal.example"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
FEED_VIEWS = {
    "partnerships:story_feed",
    "knowledge:publication_feed",
    "knowledge:call_feed",
    "knowledge:calendar_feed",
    "knowledge:event_ics",
    "alerts:atom",
    "alerts:ical",
}
LINKED = re.compile(r'<(?:a|link)\b[^>]*?\bhref="([^"#]+)"')
# RFC 3339 date-time, as RFC 4287 3.3 requires: upper-case T and Z, seconds, an offset.
RFC_3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


@pytest.fixture(scope="module")
def site(demo, django_db_blocker):  # noqa: F811
    """The crawled pages and every feed and calendar they link to, on ICLD_SITE_URL=SITE."""
    from django.conf import settings

    with django_db_blocker.unblock():
        previous, settings.ICLD_SITE_URL = settings.ICLD_SITE_URL, SITE
        try:
            pages = crawl(Client())
            feeds = set()
            for html in pages.values():
                for href in LINKED.findall(html):
                    path = unescape(href).removeprefix(SITE)
                    kind = path.startswith("/") and _kind(path)
                    if kind and kind.split()[1] in FEED_VIEWS:
                        feeds.add(path)
            yield {"pages": pages, "feeds": sorted(feeds)}
        finally:
            settings.ICLD_SITE_URL = previous


@pytest.fixture
def _on_site(settings):
    settings.ICLD_SITE_URL = SITE


def _of_type(client, site, content_type: str) -> dict[str, bytes]:
    found = {}
    for path in site["feeds"]:
        response = client.get(path)
        assert response.status_code == 200, path
        if response["Content-Type"].startswith(content_type):
            found[path] = response.content
    return found


def _time(text: str | None, where) -> datetime:
    assert text and RFC_3339.match(text), (where, text)
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _absolute_iri(value: str | None, where) -> None:
    assert value and urlsplit(value).scheme in ("https", "tag", "urn"), (where, value)


def test_every_linked_atom_feed_reads_cleanly_and_keeps_rfc_4287s_musts(client, site, _on_site):
    feeds = _of_type(client, site, "application/atom+xml")
    views = {_kind(path) for path in feeds}
    for language in ("sv", "en"):
        for name in ("partnerships:story_feed", "knowledge:publication_feed", "alerts:atom"):
            assert f"{language} {name}" in views or f"{language} {name} ?" in views, name
    now = timezone.now()
    entries = 0
    for path, body in feeds.items():
        parsed = feedparser.parse(body)
        assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10", path
        feed = ET.fromstring(body)
        for tag in ("id", "title", "updated"):
            assert len(feed.findall(ATOM + tag)) == 1, (path, tag)
        _absolute_iri(feed.findtext(ATOM + "id"), path)
        assert _time(feed.findtext(ATOM + "updated"), path) <= now, path
        links = feed.findall(ATOM + "link")
        assert [link.get("href") for link in links if link.get("rel") == "self"], path
        alternates = Counter(
            (link.get("type"), link.get("hreflang"))
            for link in links
            if link.get("rel") in (None, "alternate")
        )
        assert alternates and max(alternates.values()) == 1, path
        feed_has_author = feed.find(f"{ATOM}author/{ATOM}name") is not None
        ids = []
        for entry in feed.findall(ATOM + "entry"):
            entries += 1
            where = (path, entry.findtext(ATOM + "title"))
            for tag in ("id", "title", "updated"):
                assert len(entry.findall(ATOM + tag)) == 1, (where, tag)
            assert entry.findtext(ATOM + "title").strip(), where
            ids.append(entry.findtext(ATOM + "id"))
            _absolute_iri(ids[-1], where)
            assert _time(entry.findtext(ATOM + "updated"), where) <= now, where
            if entry.findtext(ATOM + "published"):
                _time(entry.findtext(ATOM + "published"), where)
            assert feed_has_author or entry.find(f"{ATOM}author/{ATOM}name") is not None, where
            if entry.find(ATOM + "content") is None:
                assert any(
                    link.get("rel") in (None, "alternate") for link in entry.findall(ATOM + "link")
                ), where
            for link in entry.findall(ATOM + "link"):
                assert link.get("href", "").startswith(SITE + "/"), where
        assert len(ids) == len(set(ids)), path
    assert len(feeds) >= 10 and entries >= 20


def test_every_calendar_reads_in_two_calendar_libraries(client, site, _on_site):
    calendars = _of_type(client, site, "text/calendar")
    with translation.override("en"):
        from knowledge.models import Event

        for event in Event.objects.published():
            path = reverse("knowledge:event_ics", kwargs={"slug": event.slug})
            calendars[path] = client.get(path).content
    views = {_kind(path).split()[1] for path in calendars}
    assert {"knowledge:calendar_feed", "alerts:ical", "knowledge:event_ics"} <= views
    events = 0
    for path, body in calendars.items():
        calendar = icalendar.Calendar.from_ical(body)
        assert calendar.name == "VCALENDAR", path
        assert str(calendar["VERSION"]) == "2.0" and calendar.get("PRODID"), path
        uids = []
        for vevent in calendar.walk("VEVENT"):
            events += 1
            for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
                assert vevent.get(prop), (path, prop)
            uids.append(str(vevent["UID"]))
            start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
            assert end > start, (path, vevent["SUMMARY"])
            assert vevent.decoded("DTSTAMP").tzinfo is not None, path
        assert len(uids) == len(set(uids)), path
        # A second reader, as other calendar apps parse: the same events, the same times.
        other = ics.Calendar(body.decode())
        assert len(other.events) == len(uids), path
        assert {event.uid for event in other.events} == set(uids), path
        for event in other.events:
            assert event.name and event.begin < event.end, path
    assert events >= 10


def test_every_publication_cites_in_bibtex_and_ris(client, demo):  # noqa: F811
    from knowledge.models import Publication

    publications = list(Publication.objects.published())
    assert len(publications) >= 10
    for language in ("sv", "en"):
        keys = []
        for publication in publications:
            with translation.override(language):
                bib = reverse("knowledge:publication_bibtex", kwargs={"slug": publication.slug})
                ris = reverse("knowledge:publication_ris", kwargs={"slug": publication.slug})
            response = client.get(bib)
            assert response.status_code == 200, bib
            library = bibtexparser.parse_string(response.content.decode())
            assert not library.failed_blocks, (bib, library.failed_blocks)
            (entry,) = library.entries
            keys.append(entry.key)
            fields = entry.fields_dict
            for field in ("title", "year"):
                assert fields[field].value.strip(), (bib, field)
            assert "author" in fields or "editor" in fields or "organization" in fields, bib
            response = client.get(ris)
            assert response.status_code == 200, ris
            (record,) = rispy.loads(response.content.decode())
            assert record["type_of_reference"], ris
            assert record.get("title") or record.get("primary_title"), ris
            assert str(publication.year) in (record.get("year", "") + record.get("date", ""))
        # A reference manager keeps one entry per key: every publication needs its own.
        assert len(keys) == len(set(keys)), Counter(keys).most_common(3)


def test_the_sitemap_parses_and_every_address_in_it_answers(client, demo, _on_site):  # noqa: F811
    response = client.get("/sitemap.xml")
    assert response["Content-Type"].startswith("application/xml")
    assert len(response.content) < 50 * 1024 * 1024
    sitemap = ET.fromstring(response.content)
    assert sitemap.tag == SITEMAP + "urlset"
    entries = sitemap.findall(SITEMAP + "url")
    assert 50 < len(entries) < 50_000
    locs = [entry.findtext(SITEMAP + "loc") for entry in entries]
    assert len(locs) == len(set(locs))
    for entry, loc in zip(entries, locs, strict=True):
        assert loc.startswith(SITE + "/"), loc
        lastmod = entry.findtext(SITEMAP + "lastmod")
        if lastmod:
            assert datetime.fromisoformat(lastmod).date() <= timezone.now().date(), loc
        for link in entry.findall(XHTML + "link"):
            assert link.get("href").startswith(SITE + "/"), loc
    for loc in locs:
        assert client.get(loc.removeprefix(SITE)).status_code == 200, loc


def _security_fields(text: str) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, separator, value = line.partition(": ")
        assert separator and re.fullmatch(r"[A-Za-z-]+", name), line
        fields.setdefault(name.lower(), []).append(value.strip())
    return fields


@pytest.mark.parametrize("site_url", [SITE, "http://127.0.0.1:8000"])
def test_security_txt_keeps_rfc_9116(client, settings, site_url):
    settings.ICLD_SITE_URL = site_url
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    fields = _security_fields(text)
    assert fields.get("contact"), text
    for contact in fields["contact"]:
        assert contact.startswith(("mailto:", "https://", "tel:")), contact
    (expires,) = fields["expires"]
    expires_at = datetime.fromisoformat(expires.replace("Z", "+00:00"))
    assert RFC_3339.match(expires)
    assert timezone.now() < expires_at < timezone.now() + timedelta(days=366)
    assert len(fields.get("preferred-languages", [])) <= 1
    # Every web URI in the file is https (2.5.2), the canonical one included.
    for values in fields.values():
        for value in values:
            assert not value.startswith("http://"), value
    if site_url.startswith("https://"):
        assert fields["canonical"] == [f"{site_url}/.well-known/security.txt"]
    else:
        assert "canonical" not in fields


def test_every_feed_and_calendar_answers_conditional_requests(client, site, _on_site):
    """The demo announces events ahead of time: no validator may date a response ahead of now,
    and a reader holding the current copy gets 304."""
    now = timezone.now().timestamp()
    paths = list(site["feeds"])
    with translation.override("sv"):
        from knowledge.models import Event

        paths += [
            reverse("knowledge:event_ics", kwargs={"slug": event.slug})
            for event in Event.objects.published()
        ]
    assert len(paths) >= 20
    for path in paths:
        first = client.get(path)
        assert first.status_code == 200, path
        etag = first["ETag"]
        assert client.get(path, headers={"if-none-match": etag}).status_code == 304, path
        assert client.get(path, headers={"if-none-match": '"stale"'}).status_code == 200, path
        assert first.has_header("Last-Modified"), path
        last_modified = first["Last-Modified"]
        assert parse_http_date(last_modified) <= now, (path, last_modified)
        again = client.get(path, headers={"if-modified-since": last_modified})
        assert again.status_code == 304, path
        older = http_date(parse_http_date(last_modified) - 3600)
        stale = client.get(path, headers={"if-modified-since": older})
        assert stale.status_code == 200, path


def test_an_item_dated_ahead_never_dates_a_feed_ahead(rf):
    from django.http import HttpResponse

    from core.feeds import conditional

    ahead = timezone.now() + timedelta(days=60)
    # Dated by the view (Django's syndication Feed sets Last-Modified itself) or by the caller.
    response = HttpResponse("x", headers={"Last-Modified": http_date(ahead.timestamp())})
    answer = conditional(rf.get("/"), response)
    assert parse_http_date(answer["Last-Modified"]) <= timezone.now().timestamp()
    answer = conditional(rf.get("/"), HttpResponse("x"), last_modified=ahead)
    assert parse_http_date(answer["Last-Modified"]) <= timezone.now().timestamp()
    # A reader holding that copy is told it is current.
    request = rf.get("/", headers={"if-modified-since": answer["Last-Modified"]})
    assert conditional(request, HttpResponse("x"), last_modified=ahead).status_code == 304
