"""Pages and downloads as visitors see them, in both languages, with fixed query counts."""

import csv
import io
import json
import uuid
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation

from core.models import OutboxMessage
from knowledge import services
from knowledge.demo import make_cover_png
from knowledge.models import Registration
from knowledge.tests.factories import (
    make_call,
    make_event,
    make_person,
    make_publication,
    make_registration,
)
from reference.models import Country, Organisation, Theme

pytestmark = pytest.mark.django_db


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(f"knowledge:{name}", kwargs=kwargs)


def many_publications(count):
    kenya = Country.objects.get(code="KE")
    theme = Theme.objects.get(slug="gender-equality")
    people = [make_person(), make_person()]
    return [
        make_publication(authors=people, countries=[kenya], themes=[theme], with_file=i == 0)
        for i in range(count)
    ]


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


def test_library_query_count_is_the_same_for_few_and_many_publications(
    client, django_assert_num_queries
):
    many_publications(2)
    # Themes, countries, the shared facet count, the theme facet (it has a selection), the page.
    with django_assert_num_queries(5) as few:
        client.get(url("publications") + "?q=publication&theme=gender-equality")
    many_publications(25)
    with django_assert_num_queries(5):
        response = client.get(url("publications") + "?q=publication&theme=gender-equality")
    assert response.context["page_obj"].paginator.count == 27
    assert few


def test_library_and_past_events_use_the_shared_pagination(client):
    many_publications(25)
    html = client.get(url("publications", "sv") + "?q=publication&page=2").text
    assert '<nav class="pagination" aria-label="Sidor">' in html
    assert '<span aria-current="page"><span class="visually-hidden">Sida </span>2</span>' in html
    assert 'href="?page=1&amp;q=publication" rel="prev">Föregående</a>' in html
    for days in range(11):
        ended = timezone.now() - timedelta(days=days + 2)
        make_event(starts_at=ended - timedelta(hours=2), ends_at=ended)
    events = client.get(url("events")).text
    assert 'aria-current="page"><span class="visually-hidden">Page </span>1</span>' in events
    assert 'href="?page=2" rel="next">Next</a>' in events


def test_publication_detail_query_count_is_fixed(client, django_assert_num_queries):
    first = many_publications(3)[0]
    with django_assert_num_queries(8):
        client.get(url("publication", slug=first.slug))
    many_publications(20)
    first.themes.add(Theme.objects.get(slug="human-rights"))
    first.countries.add(Country.objects.get(code="UG"))
    with django_assert_num_queries(8):
        response = client.get(url("publication", slug=first.slug))
    assert len(response.context["related"]) == 4


def test_event_list_and_index_query_counts_are_fixed(client, django_assert_num_queries):
    past = {
        "starts_at": timezone.now() - timedelta(days=9),
        "ends_at": timezone.now() - timedelta(days=8),
    }
    for _ in range(2):
        make_event()
        make_event(**past)
        make_call()
    with django_assert_num_queries(3):
        client.get(url("events"))
    with django_assert_num_queries(5):
        client.get(url("index"))
    for _ in range(10):
        event = make_event()
        make_event(**past)
        make_registration(event)
        make_call()
        make_publication()
    with django_assert_num_queries(3):
        client.get(url("events"))
    with django_assert_num_queries(5):
        client.get(url("index"))


def test_event_detail_query_count_is_fixed(client, django_assert_num_queries):
    event = make_event()
    event.speakers.add(make_person())
    with django_assert_num_queries(4):
        client.get(url("event", slug=event.slug))
    event.speakers.add(*[make_person() for _ in range(5)])
    for _ in range(5):
        make_registration(event)
    with django_assert_num_queries(4):
        client.get(url("event", slug=event.slug))


def test_publication_page_has_citation_meta_tags_and_schema_org_data(client):
    author = make_person(
        given_names="María José", family_name="Zapata", orcid="0000-0002-1825-0097"
    )
    publication = make_publication(
        authors=[author],
        with_file=True,
        doi="10.5281/zenodo.1",
        title_en="Inclusive leadership",
        year=2017,
    )
    text = client.get(url("publication", slug=publication.slug)).text
    assert '<meta name="citation_title" content="Inclusive leadership">' in text
    assert '<meta name="citation_author" content="Zapata, María José">' in text
    assert '<meta name="citation_publication_date" content="2017">' in text
    assert '<meta name="citation_doi" content="10.5281/zenodo.1">' in text
    assert 'name="citation_pdf_url" content="https://portal.example/en/knowledge-centre/' in text
    assert '<meta property="og:type" content="article">' in text
    data = json.loads(text.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["@type"] == "Report" and data["author"][0]["sameAs"].endswith("0000-0002-1825-0097")
    assert "Zapata, M. J. (2017). Inclusive leadership (Research report)." in text


def test_json_ld_cannot_be_broken_out_of(client):
    publication = make_publication(title_en="</script><script>alert(1)</script>")
    text = client.get(url("publication", slug=publication.slug)).text
    block = text.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "\\u003c/script\\u003e" in block
    assert "<script>alert(1)" not in text


def test_pdf_is_served_as_pdf_with_its_own_name_never_sniffed(client):
    publication = make_publication(with_file=True, year=2019, slug="country-brief")
    response = client.get(url("publication_pdf", slug=publication.slug))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'inline; filename="icld-2019-country-brief.pdf"'
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    download = client.get(url("publication_pdf", slug=publication.slug) + "?download=1")
    assert download["Content-Disposition"].startswith("attachment;")


def test_missing_files_give_404_not_500(client):
    publication = make_publication()
    assert client.get(url("publication_pdf", slug=publication.slug)).status_code == 404
    assert client.get(url("publication_cover", slug=publication.slug)).status_code == 404
    publication.file.name = "knowledge/publications/gone.pdf"
    publication.save(update_fields=["file"])
    assert client.get(url("publication_pdf", slug=publication.slug)).status_code == 404
    assert client.get(url("publication", slug=publication.slug)).status_code == 200


def test_cover_is_served_with_the_type_found_in_its_bytes(client):
    publication = make_publication(cover_alt_sv="Omslag", cover_alt_en="Cover of the report")
    publication.cover_image.save("c", ContentFile(make_cover_png((0, 0, 0))), save=False)
    publication.save(update_fields=["cover_image"])
    response = client.get(url("publication_cover", slug=publication.slug))
    assert response["Content-Type"] == "image/png"
    assert 'alt="Cover of the report"' in client.get(url("publication", slug=publication.slug)).text


def test_citation_downloads(client):
    author = make_person(given_names="Anna", family_name="Öberg")
    publication = make_publication(authors=[author], title_en="Budgets & {braces}", year=2021)
    bib = client.get(url("publication_bibtex", slug=publication.slug))
    assert bib["Content-Type"].startswith("application/x-bibtex")
    assert bib["Content-Disposition"].startswith('attachment; filename="')
    text = bib.content.decode()
    assert text.startswith("@techreport{")
    assert "author = {Öberg, Anna}" in text and r"Budgets \& \{braces\}" in text
    ris = client.get(url("publication_ris", slug=publication.slug))
    assert ris["Content-Type"].startswith("application/x-research-info-systems")
    lines = ris.content.decode().split("\r\n")
    assert lines[0] == "TY  - RPRT" and "AU  - Öberg, Anna" in lines and "ER  - " in lines


def test_library_exports_follow_the_filters(client):
    kenya = Country.objects.get(code="KE")
    make_publication(title_en="In Kenya", countries=[kenya])
    make_publication(title_en="=HYPERLINK(evil)")
    response = client.get(url("library_csv") + "?country=kenya")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [r["title_en"] for r in rows] == ["In Kenya"] and rows[0]["countries"] == "KE"
    everything = b"".join(client.get(url("library_csv")).streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK(evil)" in everything
    data = json.loads(
        b"".join(client.get(url("library_json") + "?country=kenya").streaming_content)
    )
    assert [d["title_en"] for d in data] == ["In Kenya"]
    assert data[0]["url"].startswith("https://portal.example/en/knowledge-centre/publications/")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_atom_feeds_per_language(client, language):
    make_publication(title_sv="Ny rapport", title_en="New report")
    make_call(title_sv="Ny utlysning", title_en="New call")
    feed = client.get(url("publication_feed", language))
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert ("Ny rapport" if language == "sv" else "New report") in feed.text
    calls = client.get(url("call_feed", language)).text
    assert ("Ny utlysning" if language == "sv" else "New call") in calls


def test_event_ics_and_calendar_feed(client):
    event = make_event(title_en="Seminar; with, commas")
    response = client.get(url("event_ics", slug=event.slug))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and "SUMMARY:Seminar\\; with\\, commas" in text
    feed = client.get(url("calendar_feed")).content.decode()
    assert feed.count("BEGIN:VEVENT") == 1 and "X-WR-CALNAME:ICLD seminars and workshops" in feed


def test_research_call_status_and_documents(client):
    call = make_call(
        title_en="Closed one",
        opens_at=timezone.now() - timedelta(days=60),
        closes_at=timezone.now() - timedelta(days=1),
    )
    text = client.get(url("call", slug=call.slug)).text
    assert "This call has closed" in text
    assert client.get(url("call_document", slug=call.slug, pk=999)).status_code == 404


def test_unknown_slugs_give_404(client):
    for name in ("publication", "call", "event", "event_register", "publication_bibtex"):
        assert client.get(url(name, slug="nope")).status_code == 404


# --- Registration form ---------------------------------------------------------


def form_data(client, event, **changes):
    page = client.get(url("event_register", slug=event.slug))
    token = page.context["form"].initial["submission_token"]
    data = {
        "name": "Ada Lovelace",
        "email": "ada@example.org",
        "organisation": "Vara kommun",
        "needs": "",
        "consent": "on",
        "website": "",
        "submission_token": str(token),
    }
    data.update(changes)
    return data


def test_signing_up_saves_once_queues_email_and_thanks_the_person(client):
    event = make_event(capacity=1)
    data = form_data(client, event)
    response = client.post(url("event_register", slug=event.slug), data)
    assert response.status_code == 302
    assert response["Location"].endswith("?status=confirmed")
    client.post(url("event_register", slug=event.slug), data)  # double click
    assert Registration.objects.count() == 1
    assert OutboxMessage.objects.count() == 1
    thanks = client.get(response["Location"])
    assert "You have a seat" in thanks.text


def test_errors_are_clear_in_swedish_and_the_input_is_kept(client):
    event = make_event()
    with translation.override("sv"):
        path = reverse("knowledge:event_register", kwargs={"slug": event.slug})
    data = form_data(client, event, email="not-an-email", consent="")
    response = client.post(path, data)
    assert response.status_code == 200
    assert "Skriv en e-postadress som namn@example.org." in response.text
    assert "Du behöver godkänna detta" in response.text
    assert 'value="Ada Lovelace"' in response.text and 'value="not-an-email"' in response.text
    assert Registration.objects.count() == 0


def test_the_honeypot_saves_nothing_but_looks_like_success(client):
    event = make_event()
    response = client.post(
        url("event_register", slug=event.slug), form_data(client, event, website="http://spam")
    )
    assert response.status_code == 302
    assert Registration.objects.count() == 0


def test_too_many_sign_ups_get_a_429_that_keeps_the_input(client, settings):
    settings.ICLD_FORM_RATE_LIMIT = 2
    event = make_event(capacity=None)
    for number in range(2):
        client.post(
            url("event_register", slug=event.slug),
            form_data(client, event, email=f"p{number}@example.org"),
        )
    response = client.post(
        url("event_register", slug=event.slug), form_data(client, event, email="late@example.org")
    )
    assert response.status_code == 429
    assert 'value="late@example.org"' in response.text


def test_a_closed_event_shows_no_form_and_refuses_posts(client):
    event = make_event(registration_deadline=timezone.now() - timedelta(hours=1))
    page = client.get(url("event_register", slug=event.slug))
    assert (
        "Sign-up for this event has closed." in page.text
        and "<form" not in page.text.split("<main")[1]
    )
    response = client.post(url("event_register", slug=event.slug), form_data(client, event))
    assert response.status_code == 200
    assert Registration.objects.count() == 0


def test_the_cancel_link_asks_first_then_cancels_and_promotes(client):
    event = make_event(capacity=1)
    seated = services.registration_create(
        event=event,
        name="A",
        email="a@example.org",
        consent=True,
        language="en",
        submission_token=uuid.uuid4(),
    )
    waiting = services.registration_create(
        event=event,
        name="B",
        email="b@example.org",
        consent=True,
        language="en",
        submission_token=uuid.uuid4(),
    )
    link = url("registration_cancel", token=services.registration_cancel_token(seated))
    page = client.get(link)
    assert page.status_code == 200 and "Yes, cancel my registration" in page.text
    seated.refresh_from_db()
    assert seated.status == "confirmed"  # a GET (mail scanners) changes nothing
    response = client.post(link)
    assert response.status_code == 302
    seated.refresh_from_db()
    waiting.refresh_from_db()
    assert (seated.status, waiting.status) == ("cancelled", "confirmed")
    assert "Your registration is cancelled" in client.get(link).text


def test_a_broken_cancel_link_gives_a_friendly_404(client):
    response = client.get(url("registration_cancel", token="bad:token"))
    assert response.status_code == 404
    assert "This link does not work" in response.text
    assert client.post(url("registration_cancel", token="bad:token")).status_code == 404


def test_organisation_selector_and_related_pages(client):
    vara = Organisation.objects.get(slug="vara")
    publication = make_publication(organisations=[vara])
    text = client.get(url("publication", slug=publication.slug)).text
    assert vara.name_en in text


def test_full_events_are_marked_in_the_list_and_offer_the_waiting_list(client):
    event = make_event(capacity=1, title_en="Popular seminar")
    make_registration(event)
    listing = client.get(url("events")).text
    card = listing.split("Popular seminar")[0].rsplit("<li", 1)[1]
    assert "Fully booked" in card
    assert "Join the waiting list" in client.get(url("event", slug=event.slug)).text


def test_the_online_link_is_public_only_when_there_is_no_sign_up(client):
    link = "https://meet.example.org/room"
    with_sign_up = make_event(online_url=link)
    without = make_event(online_url=link, registration_enabled=False)
    assert link not in client.get(url("event", slug=with_sign_up.slug)).text
    assert link not in client.get(url("event_ics", slug=with_sign_up.slug)).content.decode()
    assert (
        link
        not in client.get(url("calendar_feed"))
        .content.decode()
        .replace("\r\n ", "")
        .split(f"UID:event-{without.pk}@")[0]
    )
    assert f'href="{link}"' in client.get(url("event", slug=without.slug)).text


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
