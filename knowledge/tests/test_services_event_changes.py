"""The people signed up hear of a cancelled, reinstated or changed event: once, in their
language, with a calendar file that replaces the entry they have."""

from datetime import timedelta

import icalendar
import pytest

from core.models import OutboxMessage
from knowledge import services
from knowledge.models import Event, Registration
from knowledge.tests.factories import make_event, make_past_event, make_registration

pytestmark = pytest.mark.django_db


def outbox_to(email):
    return list(OutboxMessage.objects.filter(to__contains=[email]).order_by("pk"))


def calendar_entry(message):
    [(name, text, kind)] = message.headers["_attachments"]
    assert name.endswith(".ics") and kind == "text/calendar"
    [entry] = icalendar.Calendar.from_ical(text).walk("VEVENT")
    return entry


def signed_up_event(**kwargs):
    event = make_event(
        capacity=1, title_sv="Budgetseminariet", title_en="The budget seminar", **kwargs
    )
    seated = make_registration(event, email="seat@example.org", language="sv")
    waiting = make_registration(
        event, email="wait@example.org", language="en", status=Registration.Status.WAITING
    )
    make_registration(event, email="gone@example.org", status=Registration.Status.CANCELLED)
    return Event.objects.get(pk=event.pk), seated, waiting


def save(event, **changes):
    fresh = Event.objects.get(pk=event.pk)
    for name, value in changes.items():
        setattr(fresh, name, value)
    return services.event_save(event=fresh)


def test_cancelling_tells_everyone_signed_up_once_in_their_language_with_a_cancelled_file():
    event, seated, waiting = signed_up_event()
    first_uid = calendar_entry(services_confirmation(seated))["uid"]
    saved = save(event, is_cancelled=True)
    assert saved.told_of == "event_cancelled"
    assert {r.pk for r in saved.told} == {seated.pk, waiting.pk}
    [swedish] = outbox_to("seat@example.org")
    [english] = outbox_to("wait@example.org")
    assert swedish.subject == "Inställt: Budgetseminariet"
    assert "är inställt" in swedish.body_text and "Budgetseminariet" in swedish.body_html
    assert english.subject == "Cancelled: The budget seminar"
    assert "is cancelled" in english.body_text
    assert swedish.reply_to == english.reply_to
    for message in (swedish, english):
        entry = calendar_entry(message)
        assert entry["status"] == "CANCELLED"
        assert entry["uid"] == first_uid
        assert entry["sequence"] == 1
    # The person who had cancelled hears nothing; saving again sends nothing.
    assert outbox_to("gone@example.org") == []
    assert save(event, summary_en="Still cancelled").told == []
    assert len(outbox_to("seat@example.org")) == 1
    # Places are kept (so un-cancelling can restore them) and nobody is reminded.
    assert Registration.objects.get(pk=seated.pk).status == "confirmed"
    assert services.registration_reminders(now=event.starts_at - timedelta(hours=1)) == 0


def services_confirmation(registration):
    """The calendar file a confirmed person got when they signed up."""
    from knowledge.services.event import _enqueue

    _enqueue(registration, "registration_confirmed")
    message = outbox_to(registration.email)[-1]
    message.delete()
    return message


def test_un_cancelling_tells_them_it_takes_place_after_all_and_cancelling_again_tells_again():
    event, seated, waiting = signed_up_event()
    save(event, is_cancelled=True)
    saved = save(event, is_cancelled=False)
    assert saved.told_of == "event_reinstated"
    back = outbox_to("seat@example.org")[-1]
    assert back.subject == "Det blir av ändå: Budgetseminariet"
    assert "Du behåller din plats." in back.body_text
    entry = calendar_entry(back)
    assert (entry["status"], entry["sequence"]) == ("CONFIRMED", 2)
    english = outbox_to("wait@example.org")[-1]
    assert "You keep your place on the waiting list." in english.body_text
    save(event, is_cancelled=True)
    again = outbox_to("wait@example.org")
    assert [m.subject for m in again] == [
        "Cancelled: The budget seminar",
        "It takes place after all: The budget seminar",
        "Cancelled: The budget seminar",
    ]
    assert calendar_entry(again[-1])["sequence"] == 3


def test_a_past_event_marked_cancelled_emails_nobody():
    event = make_past_event()
    make_registration(event, email="old@example.org")
    assert save(event, is_cancelled=True).told == []
    assert outbox_to("old@example.org") == []


def test_a_new_time_or_place_is_told_with_what_changed_and_a_higher_sequence():
    event, seated, waiting = signed_up_event()
    later = event.starts_at + timedelta(days=1)
    seated.reminded_at = event.created_at
    seated.save(update_fields=["reminded_at"])
    saved = save(event, starts_at=later, ends_at=later + timedelta(hours=3), venue_en="Town hall")
    assert saved.told_of == "event_changed"
    [english] = outbox_to("wait@example.org")
    assert english.subject == "Changed: The budget seminar"
    assert "When: " in english.body_text and "(before: " in english.body_text
    assert "Where: Town hall, Visby (before: Hästgatan 1, Visby)" in english.body_text
    [swedish] = outbox_to("seat@example.org")
    assert swedish.subject == "Ändrat: Budgetseminariet"
    assert "Det här har ändrats:" in swedish.body_text and "(tidigare: " in swedish.body_text
    entry = calendar_entry(swedish)
    assert entry["sequence"] == 1 and entry["status"] == "CONFIRMED"
    assert entry.decoded("dtstart") == later.replace(microsecond=0)
    # The reminder is due again before the new date.
    assert Registration.objects.get(pk=seated.pk).reminded_at is None
    # Other edits tell nobody.
    assert save(event, summary_en="More about it", capacity=1).told == []
    assert len(outbox_to("seat@example.org")) == 1


def test_a_new_online_link_is_told_to_the_seats_only():
    event, seated, waiting = signed_up_event(online_url="https://meet.example/a")
    saved = save(event, online_url="https://meet.example/b")
    assert [r.pk for r in saved.told] == [seated.pk]
    [message] = outbox_to("seat@example.org")
    assert "https://meet.example/b" in message.body_text
    assert outbox_to("wait@example.org") == []
