import threading
import uuid
from datetime import date

import pytest
from django.conf import settings
from django.db import IntegrityError, close_old_connections, connection, transaction

from core.models import OutboxMessage
from programmes import services
from programmes.models import HistoryEntry, HostingOffer, ScheduledVisit
from programmes.tests.conftest import make_intake, make_offer, make_visit, municipality

OFFER_KWARGS = {
    "contact_name": "Anna Andersson",
    "email": "anna@vara.example",
    "phone": "0512-310 00",
    "hosting_kinds": ["group_visit"],
    "capacity": 30,
    "languages": ["sv", "en"],
    "accessibility": "step_free",
}


def submit(token=None, language="en", **extra):
    return services.hosting_offer_submit(
        submission_token=token or uuid.uuid4(),
        organisation=municipality(),
        periods=[(date(2027, 9, 1), date(2027, 9, 30)), (date(2027, 5, 3), date(2027, 5, 7))],
        language=language,
        **{**OFFER_KWARGS, **extra},
    )


@pytest.mark.django_db
def test_offer_is_saved_once_per_submission_token():
    token = uuid.uuid4()
    first = submit(token)
    again = submit(token)
    assert first.pk == again.pk
    assert HostingOffer.objects.count() == 1
    assert OutboxMessage.objects.count() == 2  # one confirmation, one notification: not four


@pytest.mark.django_db
def test_offer_queues_confirmation_in_the_offerers_language_and_notifies_the_team():
    offer = submit(language="en")
    confirmation = OutboxMessage.objects.get(to=[offer.email])
    assert confirmation.language == "en"
    assert "Thank you for offering to host" in confirmation.subject
    assert "1–30 September 2027" in confirmation.body_text
    notification = OutboxMessage.objects.get(to=[settings.ICLD_PROGRAMME_TEAM_EMAIL])
    assert "Vara kommun" in notification.subject
    assert notification.reply_to == offer.email


@pytest.mark.django_db
def test_swedish_offer_gets_a_swedish_confirmation():
    offer = submit(language="sv")
    confirmation = OutboxMessage.objects.get(to=[offer.email])
    assert confirmation.subject.startswith("Tack för erbjudandet")


@pytest.mark.django_db
def test_offer_and_emails_roll_back_together():
    with pytest.raises(RuntimeError), transaction.atomic():
        submit()
        raise RuntimeError("the request failed after the service")
    assert HostingOffer.objects.count() == 0
    assert OutboxMessage.objects.count() == 0


@pytest.mark.django_db
def test_offer_periods_are_stored_in_order_with_history():
    offer = submit()
    assert [(p.starts_on, p.ends_on) for p in offer.periods.all()] == [
        (date(2027, 5, 3), date(2027, 5, 7)),
        (date(2027, 9, 1), date(2027, 9, 30)),
    ]
    assert offer.history.count() == 1


@pytest.mark.django_db
def test_visit_schedule_refuses_overlap_with_a_clear_error():
    intake = make_intake()
    services.visit_schedule(
        intake=intake,
        host=municipality(),
        kind="group_visit",
        starts_on=date(2027, 9, 8),
        ends_on=date(2027, 9, 9),
    )
    with pytest.raises(services.VisitOverlapError) as error:
        services.visit_schedule(
            intake=intake,
            host=municipality(),
            kind="placement",
            starts_on=date(2027, 9, 9),
            ends_on=date(2027, 9, 10),
        )
    assert "Vara kommun har redan ett besök" in error.value.messages[0]  # sv is the default
    assert ScheduledVisit.objects.count() == 1


@pytest.mark.django_db
def test_visit_from_an_offer_takes_its_contact_and_marks_it_scheduled():
    offer = make_offer(may_be_listed=True)
    visit = services.visit_schedule(
        intake=make_intake(),
        host=offer.organisation,
        offer=offer,
        kind="group_visit",
        starts_on=date(2027, 9, 8),
        ends_on=date(2027, 9, 8),
    )
    assert visit.contact_email == offer.email and visit.host_may_be_listed
    offer.refresh_from_db()
    assert offer.status == HostingOffer.Status.SCHEDULED
    assert offer.history.filter(changes__has_key="status").exists()


@pytest.mark.django_db
def test_confirming_a_visit_emails_the_host_once_in_their_language():
    visit = make_visit(
        contact_email="host@vara.example", contact_language="en", contact_name="Anna"
    )
    services.visit_confirm(visit=visit)
    services.visit_confirm(visit=visit)  # already confirmed: nothing more
    message = OutboxMessage.objects.get()
    assert message.to == ["host@vara.example"]
    assert message.subject.startswith("Confirmed: study visit on 8 September 2027")
    visit.refresh_from_db()
    assert visit.status == ScheduledVisit.Status.CONFIRMED
    assert visit.confirmation_sent_at is not None
    assert set(visit.history.values_list("event", flat=True)) >= {
        HistoryEntry.Event.VISIT_CHANGED,
        HistoryEntry.Event.CONFIRMATION_SENT,
    }


@pytest.mark.django_db
def test_cancelled_visit_cannot_be_confirmed():
    visit = make_visit(status=ScheduledVisit.Status.CANCELLED, contact_email="a@b.se")
    with pytest.raises(services.ValidationError):
        services.visit_confirm(visit=visit)
    assert OutboxMessage.objects.count() == 0


@pytest.mark.django_db
def test_visit_update_records_old_and_new_values():
    visit = make_visit()
    services.visit_update(visit=visit, changes={"participants": 20})
    entry = HistoryEntry.objects.get(visit=visit)
    assert entry.changes == {"participants": ["25", "20"]}


# --- Concurrency: two staff members book the same host at the same moment -----------------


def _in_thread(target, results, *args):
    try:
        results.append(target(*args))
    except Exception as error:  # the outcome is what the test checks
        results.append(error)
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_bookings_of_one_host_cannot_both_succeed():
    intake = make_intake()
    host = municipality()
    barrier = threading.Barrier(2)

    def book(first_day):
        close_old_connections()
        barrier.wait()
        return services.visit_schedule(
            intake=intake,
            host=host,
            kind="group_visit",
            starts_on=first_day,
            ends_on=date(2027, 9, 10),
        )

    results: list = []
    threads = [
        threading.Thread(target=_in_thread, args=(book, results, day))
        for day in (date(2027, 9, 8), date(2027, 9, 9))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(type(r).__name__ for r in results) == ["ScheduledVisit", "VisitOverlapError"]
    assert ScheduledVisit.objects.filter(host=host).count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_constraint_holds_against_an_uncommitted_booking_that_a_check_cannot_see():
    """A check-then-insert in the application would let both through; the database does not."""
    intake = make_intake()
    host = municipality()
    inserted = threading.Event()
    release = threading.Event()
    results: list = []

    def first():
        with transaction.atomic():
            make_visit(intake, host, first="2027-09-08", last="2027-09-08")
            inserted.set()
            release.wait(timeout=10)
        return "committed"

    def second():
        inserted.wait(timeout=10)
        # The other booking is not committed yet: an application-level check sees nothing.
        seen = ScheduledVisit.objects.overlapping(
            host=host, starts_on=date(2027, 9, 8), ends_on=date(2027, 9, 8)
        ).exists()
        threading.Timer(0.5, release.set).start()
        try:
            with transaction.atomic():
                make_visit(intake, host, first="2027-09-08", last="2027-09-08")
        except IntegrityError:
            return ("refused", seen)
        return ("saved", seen)

    threads = [threading.Thread(target=_in_thread, args=(f, results)) for f in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert "committed" in results
    assert ("refused", False) in results
    assert ScheduledVisit.objects.count() == 1


@pytest.mark.django_db
def test_visit_created_in_admin_without_contact_takes_it_from_the_offer():
    offer = make_offer(contact_name="Karin", email="karin@horby.example")
    visit = ScheduledVisit(
        intake=make_intake(),
        host=offer.organisation,
        offer=offer,
        kind="placement",
        starts_on=date(2027, 9, 8),
        ends_on=date(2027, 9, 9),
        status=ScheduledVisit.Status.CONFIRMED,
    )
    services.visit_create(visit=visit)
    visit.refresh_from_db()
    assert (visit.contact_name, visit.contact_email) == ("Karin", "karin@horby.example")
    assert OutboxMessage.objects.filter(to=["karin@horby.example"]).count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_double_click_racing_in_two_workers_saves_one_offer():
    token = uuid.uuid4()
    barrier = threading.Barrier(2)

    def send():
        close_old_connections()
        barrier.wait()
        return submit(token).pk

    results: list = []
    threads = [threading.Thread(target=_in_thread, args=(send, results)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(results) == 2 and results[0] == results[1], results
    assert HostingOffer.objects.count() == 1
    assert OutboxMessage.objects.count() == 2
