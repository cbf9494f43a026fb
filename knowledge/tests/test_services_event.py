"""Seat rules: capacity, waiting list, promotion, cancellation, saved once, emails queued."""

import threading
import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from core.models import OutboxMessage
from knowledge import services
from knowledge.models import Registration
from knowledge.selectors import registration_from_cancel_token
from knowledge.tests.factories import make_event, make_registration

pytestmark = pytest.mark.django_db


def sign_up(event, email="ada@example.org", token=None, language="en", **kwargs):
    return services.registration_create(
        event=event,
        name=kwargs.pop("name", "Ada"),
        email=email,
        consent=True,
        language=language,
        submission_token=token or uuid.uuid4(),
        **kwargs,
    )


def outbox_to(email):
    return list(OutboxMessage.objects.filter(to__contains=[email]).order_by("pk"))


def test_seats_are_confirmed_until_full_then_people_wait():
    event = make_event(capacity=2)
    statuses = [sign_up(event, f"p{i}@example.org").status for i in range(4)]
    assert statuses == ["confirmed", "confirmed", "waiting", "waiting"]


def test_an_event_without_capacity_never_has_a_waiting_list():
    event = make_event(capacity=None)
    assert {sign_up(event, f"p{i}@example.org").status for i in range(5)} == {"confirmed"}


def test_a_confirmation_email_is_queued_in_the_sign_ups_language_with_a_working_cancel_link():
    event = make_event(title_sv="Seminariet", title_en="The seminar")
    registration = sign_up(event, "eva@example.org", language="sv")
    [message] = outbox_to("eva@example.org")
    assert message.language == "sv"
    assert "Seminariet" in message.subject and "Du är anmäld" in message.subject
    assert "/sv/kunskapscentrum/evenemang/avboka/" in message.body_text
    token = message.body_text.split("/evenemang/avboka/")[1].split("/")[0]
    assert registration_from_cancel_token(token) == registration


def test_waiting_people_get_a_waiting_list_email():
    event = make_event(capacity=1)
    sign_up(event, "first@example.org")
    sign_up(event, "second@example.org")
    [message] = outbox_to("second@example.org")
    assert "waiting list" in message.subject


def test_the_same_submission_is_saved_once():
    event = make_event()
    token = uuid.uuid4()
    first = sign_up(event, token=token)
    again = sign_up(event, token=token)
    assert first.pk == again.pk
    assert Registration.objects.count() == 1
    assert len(outbox_to("ada@example.org")) == 1


def test_signing_up_twice_with_one_address_keeps_one_seat_and_resends_the_details():
    event = make_event(capacity=5)
    first = sign_up(event, "Ada@Example.org")
    second = sign_up(event, "ada@example.org")
    assert first.pk == second.pk
    assert Registration.objects.count() == 1
    messages = outbox_to("Ada@Example.org")
    assert [("already" in m.subject) for m in messages] == [False, True]


def test_sign_up_closes_at_the_deadline_and_at_the_start():
    after_deadline = make_event(registration_deadline=timezone.now() - timedelta(minutes=1))
    started = make_event(
        starts_at=timezone.now() - timedelta(minutes=5), ends_at=timezone.now() + timedelta(hours=1)
    )
    no_sign_up = make_event(registration_enabled=False)
    for event in (after_deadline, started, no_sign_up):
        with pytest.raises(services.RegistrationClosed):
            sign_up(event)
    assert Registration.objects.count() == 0
    assert OutboxMessage.objects.count() == 0


def test_cancelling_a_seat_promotes_the_first_on_the_waiting_list_who_is_emailed():
    event = make_event(capacity=1)
    seated = sign_up(event, "seated@example.org")
    first = sign_up(event, "first@example.org")
    second = sign_up(event, "second@example.org")
    promoted = services.registration_cancel(registration=seated)
    assert [r.pk for r in promoted] == [first.pk]
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("confirmed", "waiting")
    assert "A seat is yours" in outbox_to("first@example.org")[-1].subject
    assert "cancelled" in outbox_to("seated@example.org")[-1].subject
    assert len(outbox_to("second@example.org")) == 1


def test_cancelling_a_waiting_place_promotes_nobody_and_twice_is_harmless():
    event = make_event(capacity=1)
    sign_up(event, "seated@example.org")
    waiting = sign_up(event, "w@example.org")
    assert services.registration_cancel(registration=waiting) == []
    assert services.registration_cancel(registration=waiting) == []
    assert Registration.objects.filter(status="confirmed").count() == 1


def test_a_cancelled_person_can_sign_up_again():
    event = make_event(capacity=3)
    registration = sign_up(event)
    services.registration_cancel(registration=registration)
    again = sign_up(event)
    assert again.pk != registration.pk and again.status == "confirmed"


def test_forged_or_mismatched_cancel_tokens_name_nobody():
    event = make_event()
    registration = sign_up(event)
    token = services.registration_cancel_token(registration)
    assert registration_from_cancel_token(token) == registration
    assert registration_from_cancel_token(token[:-2] + "xx") is None
    assert registration_from_cancel_token("garbage") is None
    from django.core import signing

    forged = signing.dumps({"r": registration.pk, "t": "000000000000"}, salt=services.CANCEL_SALT)
    assert registration_from_cancel_token(forged) is None
    other_salt = signing.dumps({"r": registration.pk, "t": registration.submission_token.hex[:12]})
    assert registration_from_cancel_token(other_salt) is None


def test_staff_can_move_people_between_the_lists():
    event = make_event(capacity=1)
    seated = sign_up(event, "seated@example.org")
    waiting = sign_up(event, "w@example.org")
    assert services.registration_confirm(registration=waiting)
    assert "A seat is yours" in outbox_to("w@example.org")[-1].subject
    assert services.registration_move_to_waiting(registration=seated)
    assert not services.registration_move_to_waiting(registration=seated)
    seated.refresh_from_db()
    assert seated.status == "waiting"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_sign_ups_never_exceed_capacity():
    event = make_event(capacity=3)
    make_registration(event)  # one seat already taken
    barrier = threading.Barrier(12)
    errors = []

    def worker(number):
        try:
            barrier.wait()
            sign_up(event, f"racer{number}@example.org")
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Registration.objects.filter(event=event, status="confirmed").count() == 3
    assert Registration.objects.filter(event=event, status="waiting").count() == 10


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_cancellations_promote_each_waiting_person_once():
    event = make_event(capacity=2)
    seated = [sign_up(event, f"s{i}@example.org") for i in range(2)]
    waiting = [sign_up(event, f"w{i}@example.org") for i in range(3)]
    barrier = threading.Barrier(2)

    def worker(registration):
        try:
            barrier.wait()
            services.registration_cancel(registration=registration)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(r,)) for r in seated]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = [Registration.objects.get(pk=r.pk).status for r in waiting]
    assert statuses == ["confirmed", "confirmed", "waiting"]
    assert OutboxMessage.objects.filter(subject__startswith="A seat is yours").count() == 2


def test_sign_ups_are_deleted_six_months_after_the_event():
    from django.core.management import call_command

    long_ago = timezone.now() - timedelta(days=200)
    old = make_event(starts_at=long_ago, ends_at=long_ago + timedelta(hours=2))
    recent = make_event(
        starts_at=timezone.now() - timedelta(days=100),
        ends_at=timezone.now() - timedelta(days=100) + timedelta(hours=2),
    )
    make_registration(old)
    kept = make_registration(recent)
    out = __import__("io").StringIO()
    call_command("apply_retention", stdout=out)
    assert "knowledge.Registration: erased 1" in out.getvalue()
    assert list(Registration.objects.all()) == [kept]


def full_event_with_queue(capacity=1, waiting=2):
    event = make_event(capacity=capacity)
    seated = [sign_up(event, f"s{i}@example.org") for i in range(capacity)]
    queue = [sign_up(event, f"w{i}@example.org", language="sv") for i in range(waiting)]
    return event, seated, queue


def statuses(registrations):
    return [Registration.objects.get(pk=r.pk).status for r in registrations]


def test_a_newcomer_never_takes_a_seat_while_someone_waits():
    event, seated, queue = full_event_with_queue()
    # Staff move the seated person aside: the seat goes to the head of the queue.
    assert services.registration_move_to_waiting(registration=seated[0])
    assert statuses(queue) == ["confirmed", "waiting"]
    assert statuses(seated) == ["waiting"]
    newcomer = sign_up(event, "new@example.org")
    assert newcomer.status == "waiting"


def test_more_seats_go_to_the_waiting_list_in_order_with_an_email_in_their_language():
    event, _, queue = full_event_with_queue(capacity=1, waiting=3)
    event.capacity = 3
    promoted = services.event_save(event=event).promoted
    assert [r.pk for r in promoted] == [queue[0].pk, queue[1].pk]
    assert statuses(queue) == ["confirmed", "confirmed", "waiting"]
    message = outbox_to("w0@example.org")[-1]
    assert message.language == "sv" and "Du har fått en plats" in message.subject
    assert sign_up(event, "late@example.org").status == "waiting"


def test_removing_the_limit_seats_everyone_waiting():
    event, _, queue = full_event_with_queue(capacity=1, waiting=2)
    event.capacity = None
    services.event_save(event=event)
    assert statuses(queue) == ["confirmed", "confirmed"]


def test_a_deleted_sign_up_frees_its_seat_for_the_next_in_line():
    event, seated, queue = full_event_with_queue()
    services.registration_delete(registration=seated[0])
    assert not Registration.objects.filter(pk=seated[0].pk).exists()
    assert statuses(queue) == ["confirmed", "waiting"]
    assert services.registration_delete(registration=seated[0]) == []


def test_staff_cancelling_tells_the_person_that_icld_cancelled():
    event, seated, queue = full_event_with_queue()
    promoted = services.registration_cancel(registration=seated[0], by_staff=True)
    assert [r.pk for r in promoted] == [queue[0].pk]
    message = outbox_to("s0@example.org")[-1]
    assert message.subject.startswith("Your place is cancelled")
    assert "We have cancelled your registration" in message.body_text


def test_no_one_is_promoted_once_the_event_has_started_or_is_cancelled():
    event, seated, queue = full_event_with_queue()
    event.is_cancelled = True
    services.event_save(event=event)
    services.registration_cancel(registration=seated[0])
    assert statuses(queue) == ["waiting", "waiting"]


def test_confirmations_and_promotions_carry_the_calendar_file():
    import icalendar

    event = make_event(
        capacity=1, title_sv="Kalenderseminariet", online_url="https://meet.example/x"
    )
    sign_up(event, "first@example.org", language="sv")
    sign_up(event, "second@example.org")
    [confirmation] = outbox_to("first@example.org")
    [(name, text, kind)] = confirmation.headers["_attachments"]
    assert name.endswith(".ics") and kind == "text/calendar"
    [entry] = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert str(entry["summary"]) == "Kalenderseminariet"
    # The confirmed person's own file has the meeting link; the public one never does.
    assert "https://meet.example/x" in str(entry["location"])
    [waiting] = outbox_to("second@example.org")
    assert "_attachments" not in waiting.headers
    services.registration_cancel(registration=Registration.objects.get(email="first@example.org"))
    assert "_attachments" in outbox_to("second@example.org")[-1].headers


def test_the_calendar_file_leaves_with_the_email(mailoutbox):
    from core.outbox import outbox_deliver_due

    sign_up(make_event(), "ada@example.org")
    outbox_deliver_due()
    [sent] = [m for m in mailoutbox if "ada@example.org" in m.to]
    [(name, text, kind)] = sent.attachments
    assert name.endswith(".ics") and kind == "text/calendar" and "BEGIN:VEVENT" in text
    assert "_attachments" not in sent.extra_headers


def soon(days=1, **kwargs):
    starts = timezone.now() + timedelta(days=days)
    return make_event(starts_at=starts, ends_at=starts + timedelta(hours=2), **kwargs)


def reminders_to(email):
    return [m for m in outbox_to(email) if m.subject.startswith(("Reminder", "Påminnelse"))]


def test_a_reminder_goes_once_to_confirmed_seats_two_days_before():
    event = soon(days=1, capacity=1)
    early = timezone.now() - timedelta(days=5)
    seated = make_registration(event, email="seat@example.org", status_changed_at=early)
    make_registration(event, email="wait@example.org", status="waiting", status_changed_at=early)
    make_registration(event, email="gone@example.org", status="cancelled", status_changed_at=early)
    later = soon(days=5)
    make_registration(later, email="later@example.org", status_changed_at=early)
    assert services.registration_reminders() == 1
    assert services.registration_reminders() == 0
    [reminder] = reminders_to("seat@example.org")
    assert "_attachments" in reminder.headers and "/events/cancel/" in reminder.body_text
    assert reminders_to("wait@example.org") == reminders_to("gone@example.org") == []
    assert reminders_to("later@example.org") == []
    seated.refresh_from_db()
    assert seated.reminded_at is not None


def test_no_reminder_for_cancelled_events_or_people_who_just_got_their_seat():
    early = timezone.now() - timedelta(days=5)
    cancelled = soon(days=1, is_cancelled=True)
    make_registration(cancelled, email="c@example.org", status_changed_at=early)
    fresh = soon(days=1)
    make_registration(fresh, email="fresh@example.org")  # confirmed a moment ago
    assert services.registration_reminders() == 0


def test_the_email_worker_sends_the_reminders():
    from core.outbox import outbox_collect

    event = soon(days=1)
    make_registration(
        event, email="seat@example.org", status_changed_at=timezone.now() - timedelta(days=4)
    )
    outbox_collect()
    outbox_collect()
    assert len(reminders_to("seat@example.org")) == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_frees_and_sign_ups_never_over_book():
    """Staff raise the capacity and cancel while newcomers sign up: nobody jumps the queue."""
    event, seated, queue = full_event_with_queue(capacity=2, waiting=4)
    barrier = threading.Barrier(6)
    errors = []

    def run(action):
        try:
            barrier.wait()
            action()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    def raise_capacity():
        from knowledge.models import Event

        fresh = Event.objects.get(pk=event.pk)
        fresh.capacity = 3
        services.event_save(event=fresh)

    actions = [
        raise_capacity,
        lambda: services.registration_cancel(registration=seated[0]),
        lambda: services.registration_cancel(registration=seated[1], by_staff=True),
        *[lambda n=n: sign_up(event, f"new{n}@example.org") for n in range(3)],
    ]
    threads = [threading.Thread(target=run, args=(a,)) for a in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Registration.objects.filter(event=event, status="confirmed").count() == 3
    assert statuses(queue) == ["confirmed", "confirmed", "confirmed", "waiting"]
    assert set(
        Registration.objects.filter(email__startswith="new").values_list("status", flat=True)
    ) == {"waiting"}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_never_send_one_reminder_twice():
    event = soon(days=1, capacity=None)
    early = timezone.now() - timedelta(days=5)
    for n in range(20):
        make_registration(event, email=f"r{n}@example.org", status_changed_at=early)
    barrier = threading.Barrier(2)
    counts = []

    def worker():
        try:
            barrier.wait()
            counts.append(services.registration_reminders(limit=7))
            counts.append(services.registration_reminders(limit=7))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    counts.append(services.registration_reminders())
    assert sum(counts) == 20
    reminders = OutboxMessage.objects.filter(subject__startswith="Reminder")
    assert reminders.count() == 20
    assert len({tuple(m.to) for m in reminders}) == 20
