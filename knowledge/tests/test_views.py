"""Every page type of the app at once: both languages, translated URLs, feeds and sitemap."""

from datetime import timedelta

import pytest
from django.utils import timezone

from knowledge.tests.conftest import url
from knowledge.tests.factories import make_call, make_event, make_publication, make_registration
from knowledge.tests.test_views_publication import many_publications

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_page_type_renders_in_each_language(client, language):
    publication = make_publication(
        title_sv="Svensk titel",
        title_en="English title",
        abstract_sv="Svensk text",
        abstract_en="English text",
    )
    call = make_call(title_sv="Svensk utlysning", title_en="English call")
    event = make_event(title_sv="Svenskt seminarium", title_en="English seminar")
    title = {"sv": "Svensk", "en": "English"}[language]
    for path in (
        url("index", language),
        url("publications", language),
        url("publication", language, slug=publication.slug),
        url("calls", language),
        url("call", language, slug=call.slug),
        url("events", language),
        url("event", language, slug=event.slug),
        url("event_register", language, slug=event.slug),
        url("event_registered", language, slug=event.slug),
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert f'<html lang="{language}">' in response.text
    assert title in client.get(url("publication", language, slug=publication.slug)).text


def test_swedish_urls_are_translated():
    assert url("publications", "sv") == "/sv/kunskapscentrum/publikationer/"
    assert url("events", "sv") == "/sv/kunskapscentrum/evenemang/"
    assert url("calls", "en") == "/en/knowledge-centre/research-calls/"


def test_the_knowledge_centre_page_lists_open_calls_latest_publications_and_upcoming_events(client):
    open_call = make_call(title_en="Open call now")
    make_call(
        title_en="Long closed call",
        opens_at=timezone.now() - timedelta(days=90),
        closes_at=timezone.now() - timedelta(days=60),
    )
    make_publication(title_en="Newest report")
    make_event(title_en="Soon seminar")
    make_event(
        title_en="Old seminar",
        starts_at=timezone.now() - timedelta(days=30),
        ends_at=timezone.now() - timedelta(days=30) + timedelta(hours=1),
    )
    text = client.get(url("index")).text
    assert open_call.title_en in text and "Long closed call" not in text
    assert "Newest report" in text and "Soon seminar" in text and "Old seminar" not in text


def test_event_list_and_index_query_counts_are_fixed(client, django_assert_num_queries):
    past = {
        "starts_at": timezone.now() - timedelta(days=9),
        "ends_at": timezone.now() - timedelta(days=8),
    }
    for _ in range(2):
        make_event()
        make_event(**past)
        make_call()
    with django_assert_num_queries(4):
        client.get(url("events"))
    with django_assert_num_queries(6):
        client.get(url("index"))
    for _ in range(10):
        event = make_event()
        make_event(**past)
        make_registration(event)
        make_call()
        make_publication()
    with django_assert_num_queries(4):
        client.get(url("events"))
    with django_assert_num_queries(6):
        client.get(url("index"))


@pytest.mark.parametrize("language", ["sv", "en"])
def test_atom_feeds_per_language(client, language):
    make_publication(title_sv="Ny rapport", title_en="New report")
    make_call(title_sv="Ny utlysning", title_en="New call")
    feed = client.get(url("publication_feed", language))
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert ("Ny rapport" if language == "sv" else "New report") in feed.text
    calls = client.get(url("call_feed", language)).text
    assert ("Ny utlysning" if language == "sv" else "New call") in calls


def test_unknown_slugs_give_404(client):
    for name in ("publication", "call", "event", "event_register", "publication_bibtex"):
        assert client.get(url(name, slug="nope")).status_code == 404


def test_sitemap_lists_publications_events_and_calls_in_both_languages(client):
    publication = make_publication(slug="in-sitemap")
    make_event(slug="event-in-sitemap")
    make_call(slug="call-in-sitemap")
    text = client.get("/sitemap.xml").text
    if "<sitemapindex" in text:
        text = "".join(
            client.get(loc.split("portal.example")[-1].split("testserver")[-1]).text
            for loc in text.split("<loc>")[1:]
            for loc in [loc.split("</loc>")[0]]
        )
    assert f"/en/knowledge-centre/publications/{publication.slug}/" in text
    assert "/sv/kunskapscentrum/publikationer/in-sitemap/" in text
    assert "/sv/kunskapscentrum/evenemang/event-in-sitemap/" in text
    assert "/en/knowledge-centre/research-calls/call-in-sitemap/" in text


def test_library_and_past_events_use_the_shared_pagination(client):
    many_publications(25)
    html = client.get(url("publications", "sv") + "?q=publication&page=2").text
    assert '<nav class="pagination" aria-label="Sidor">' in html
    assert '<span aria-current="page"><span class="visually-hidden">Sida </span>2</span>' in html
    assert 'href="?page=1&amp;q=publication" rel="prev">Föregående</a>' in html
    for days in range(21):
        ended = timezone.now() - timedelta(days=days + 2)
        make_event(starts_at=ended - timedelta(hours=2), ends_at=ended)
    events = client.get(url("events")).text
    assert 'aria-current="page"><span class="visually-hidden">Page </span>1</span>' in events
    assert 'href="?page=2" rel="next">Next</a>' in events
