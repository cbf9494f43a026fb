"""Event pages, calendars, the sign-up form and the cancel link."""

import uuid
from datetime import timedelta

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from core.models import OutboxMessage
from knowledge import services
from knowledge.models import Registration
from knowledge.tests.conftest import url
from knowledge.tests.factories import make_event, make_person, make_registration

pytestmark = pytest.mark.django_db


def test_event_detail_query_count_is_fixed(client, django_assert_num_queries):
    event = make_event()
    event.speakers.add(make_person())
    with django_assert_num_queries(5):
        client.get(url("event", slug=event.slug))
    event.speakers.add(*[make_person() for _ in range(5)])
    for _ in range(5):
        make_registration(event)
    with django_assert_num_queries(5):
        client.get(url("event", slug=event.slug))


def test_event_ics_and_calendar_feed(client):
    event = make_event(title_en="Seminar; with, commas")
    response = client.get(url("event_ics", slug=event.slug))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and "SUMMARY:Seminar\\; with\\, commas" in text
    feed = client.get(url("calendar_feed")).content.decode()
    assert feed.count("BEGIN:VEVENT") == 1 and "X-WR-CALNAME:ICLD seminars and workshops" in feed


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
    feed = icalendar.Calendar.from_ical(client.get(url("calendar_feed")).content)
    locations = {str(e["UID"]): str(e["LOCATION"]) for e in feed.walk("VEVENT")}
    assert link not in locations[f"event-{with_sign_up.pk}@icld.se"]
    assert link in locations[f"event-{without.pk}@icld.se"]
    assert f'href="{link}"' in client.get(url("event", slug=without.slug)).text


def event_json_ld(client, event, language="en"):
    import json

    page = client.get(url("event", slug=event.slug, language=language)).text
    block = page.split('<script type="application/ld+json">')[1].split("</script>")[0]
    return json.loads(block)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_only_an_event_one_can_sign_up_for_offers_seats_in_its_structured_data(client, language):
    from knowledge.tests.factories import make_past_event

    upcoming = make_event(capacity=5)
    full = make_event(capacity=1)
    make_registration(full)
    past = make_past_event()
    closed = make_event(registration_deadline=timezone.now() - timedelta(hours=1))
    data = event_json_ld(client, upcoming, language)
    assert data["offers"]["availability"] == "https://schema.org/InStock"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert event_json_ld(client, full, language)["offers"]["availability"].endswith("/SoldOut")
    for event in (past, closed):
        assert "offers" not in event_json_ld(client, event, language)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_cancelled_event_says_so_on_its_page_in_its_data_and_calendar(client, language):
    event = make_event(is_cancelled=True, title_en="Called off", title_sv="Inställt möte")
    data = event_json_ld(client, event, language)
    assert data["eventStatus"] == "https://schema.org/EventCancelled" and "offers" not in data
    page = client.get(url("event", slug=event.slug, language=language)).text
    assert ("Evenemanget är inställt." if language == "sv" else "This event is cancelled.") in page
    assert url("event_register", slug=event.slug, language=language) not in page
    [entry] = icalendar.Calendar.from_ical(
        client.get(url("event_ics", slug=event.slug, language=language)).content
    ).walk("VEVENT")
    assert str(entry["STATUS"]) == "CANCELLED"
    listing = client.get(url("events", language=language)).text
    card = listing.split(str(event.title_sv if language == "sv" else event.title_en))[0]
    assert ("Inställt" if language == "sv" else "Cancelled") in card.rsplit("<li", 1)[1]


def test_the_calendar_subscription_keeps_recent_past_events(client):
    recent = make_event(
        starts_at=timezone.now() - timedelta(days=30),
        ends_at=timezone.now() - timedelta(days=30, hours=-2),
    )
    old = make_event(
        starts_at=timezone.now() - timedelta(days=400),
        ends_at=timezone.now() - timedelta(days=400, hours=-2),
    )
    upcoming = make_event()
    for language in ("sv", "en"):
        response = client.get(url("calendar_feed", language=language))
        feed = icalendar.Calendar.from_ical(response.content)
        uids = {str(e["UID"]) for e in feed.walk("VEVENT")}
        assert f"event-{recent.pk}@icld.se" in uids and f"event-{upcoming.pk}@icld.se" in uids
        assert f"event-{old.pk}@icld.se" not in uids


def _titles(html: str, heading: str) -> list[str]:
    """The event titles listed under ``heading`` on an event list page (until the next h2)."""
    if f"<h2>{heading}</h2>" not in html:
        return []
    part = html.split(f"<h2>{heading}</h2>", 1)[1].split("<h2", 1)[0].split("</main>", 1)[0]
    return [chunk.split("</a>", 1)[0].split(">")[-1] for chunk in part.split("<h3>")[1:]]


@pytest.mark.parametrize(
    ("language", "upcoming", "past", "page"),
    [("en", "Upcoming", "Past events", "Page"), ("sv", "Kommande", "Tidigare evenemang", "Sida")],
)
def test_the_event_list_pages_upcoming_then_past_events_twenty_a_page(
    client, settings, language, upcoming, past, page
):
    settings.ICLD_SITE_URL = "https://icld.se"
    now = timezone.now()
    for n in range(25):  # soonest first
        make_event(
            title_en=f"Soon {n}",
            title_sv=f"Snart {n}",
            starts_at=now + timedelta(days=n + 1),
            ends_at=now + timedelta(days=n + 1, hours=2),
        )
    for n in range(20):  # latest first
        make_event(
            title_en=f"Was {n}",
            title_sv=f"Var {n}",
            starts_at=now - timedelta(days=n + 1),
            ends_at=now - timedelta(days=n + 1) + timedelta(hours=2),
        )
    soon, was = ("Soon", "Was") if language == "en" else ("Snart", "Var")
    first = client.get(url("events", language)).text
    assert _titles(first, upcoming) == [f"{soon} {n}" for n in range(20)]
    assert _titles(first, past) == []
    assert f'<span class="visually-hidden">{page} </span>3</a>' in first
    second = client.get(url("events", language) + "?page=2").text
    assert _titles(second, upcoming) == [f"{soon} {n}" for n in range(20, 25)]
    assert _titles(second, past) == [f"{was} {n}" for n in range(15)]
    # Page 2 is a page of its own: canonical to itself, and the list's feeds are still offered.
    assert (
        f'<link rel="canonical" href="https://icld.se{url("events", language)}?page=2">' in second
    )
    assert 'type="application/atom+xml"' in second and 'type="text/calendar"' in second
    third = client.get(url("events", language) + "?page=3").text
    assert _titles(third, upcoming) == []
    assert _titles(third, past) == [f"{was} {n}" for n in range(15, 20)]


def test_the_event_list_says_when_nothing_is_planned_and_still_pages_the_past(client):
    start = timezone.now() - timedelta(days=3)
    for n in range(21):
        make_event(
            starts_at=start - timedelta(days=n),
            ends_at=start - timedelta(days=n) + timedelta(hours=1),
        )
    html = client.get(url("events")).text
    assert "No events are planned right now." in html
    assert len(_titles(html, "Past events")) == 20
    assert 'href="?page=2" rel="next">Next</a>' in html
    assert "No events are planned right now." not in client.get(url("events") + "?page=2").text


def test_event_search_results_are_paged_twenty_a_page_and_keep_the_search(client):
    for n in range(23):
        make_event(title_en=f"Climate seminar {n}")
    html = client.get(url("events") + "?q=climate").text
    assert html.count("<h3>") == 20
    assert 'href="?page=2&amp;q=climate" rel="next">Next</a>' in html
    assert client.get(url("events") + "?q=climate&page=2").text.count("<h3>") == 3
