import threading
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, close_old_connections, transaction

from core.models import OutboxMessage
from programmes import services
from programmes.models import HistoryEntry, HostingOffer, ScheduledVisit
from programmes.tests.conftest import in_thread, make_intake, make_offer, make_visit, municipality


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
    with pytest.raises(ValidationError):
        services.visit_confirm(visit=visit)
    assert OutboxMessage.objects.count() == 0


@pytest.mark.django_db
def test_visit_update_records_old_and_new_values():
    visit = make_visit()
    services.visit_update(visit=visit, changes={"participants": 20})
    entry = HistoryEntry.objects.get(visit=visit)
    assert entry.changes == {"participants": ["25", "20"]}


# --- Concurrency: two staff members book the same host at the same moment -----------------


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
        threading.Thread(target=in_thread, args=(book, results, day))
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

    threads = [threading.Thread(target=in_thread, args=(f, results)) for f in (first, second)]
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
