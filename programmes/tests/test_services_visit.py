import threading
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, close_old_connections, transaction
from django.utils import translation

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


# --- Scheduling checks ---------------------------------------------------------------------


def _visit(intake, offer=None, **fields):
    defaults = {
        "intake": intake,
        "host": offer.organisation if offer else municipality(),
        "offer": offer,
        "kind": "group_visit",
        "starts_on": date(2027, 9, 8),
        "ends_on": date(2027, 9, 8),
        "participants": 25,
    }
    return ScheduledVisit(**{**defaults, **fields})


@pytest.mark.django_db
def test_a_visit_that_fits_has_no_problems():
    offer = make_offer(capacity=30)
    assert not services.visit_check(_visit(make_intake(), offer))


@pytest.mark.django_db
def test_240_visitors_outside_the_phase_and_the_periods_is_refused_with_reasons():
    offer = make_offer(capacity=30, periods=(("2027-09-01", "2027-09-10"),))
    visit = _visit(
        make_intake(),
        offer,
        participants=240,
        starts_on=date(2027, 10, 4),
        ends_on=date(2027, 10, 5),
    )
    with translation.override("en"):
        check = services.visit_check(visit)
    errors = {p.field: p.message for p in check.errors}
    assert errors["participants"].startswith("240 visitors is more than the 25 participants of ")
    assert errors["participants"].endswith(" – Intake. Give at most 25.")
    assert "4–5 October 2027 is outside the phase in Sweden" in errors["starts_on"]
    assert "(6–17 September 2027)" in errors["starts_on"]
    warnings = [p.message for p in check.warnings]
    assert any("at most 30 visitors at one time; this visit has 240" in w for w in warnings)
    assert any(
        "outside the periods Vara Municipality offered: 1–10 September 2027" in w for w in warnings
    )
    with translation.override("sv"), pytest.raises(services.VisitSchedulingError) as refused:
        services.visit_create(visit=visit)
    assert "fler än de 25 deltagarna" in str(refused.value.message_dict["participants"])
    assert ScheduledVisit.objects.count() == 0


@pytest.mark.django_db
def test_soft_problems_are_warnings_and_the_service_saves_them():
    offer = make_offer(
        capacity=10, hosting_kinds=["placement"], periods=(("2027-09-14", "2027-09-30"),)
    )
    visit = _visit(make_intake(), offer, participants=20)
    with translation.override("en"):
        check = services.visit_check(visit)
    assert not check.errors
    assert [p.field for p in check.warnings] == ["participants", "starts_on", "kind"]
    services.visit_create(visit=visit)
    assert ScheduledVisit.objects.count() == 1


@pytest.mark.django_db
def test_no_phase_in_sweden_no_offer_and_a_busy_group_are_warnings():
    intake = make_intake(sweden=None)
    with translation.override("en"):
        warnings = [p.message for p in services.visit_check(_visit(intake)).warnings]
    assert any("has no phase in Sweden yet" in w for w in warnings)
    assert any("has no open offer to host" in w for w in warnings)
    busy = make_intake()
    make_visit(busy, municipality("orebro"), first="2027-09-08", last="2027-09-08")
    with translation.override("en"):
        warnings = [p.message for p in services.visit_check(_visit(busy)).warnings]
    assert any("already visits Örebro" in w for w in warnings)


@pytest.mark.django_db
def test_an_offer_of_another_organisation_is_an_error():
    offer = make_offer(municipality("orebro"))
    with translation.override("en"):
        errors = services.visit_check(_visit(make_intake(), offer, host=municipality())).errors
    assert [p.field for p in errors] == ["offer"]


@pytest.mark.django_db
def test_editing_notes_of_an_old_impossible_visit_is_not_refused():
    visit = make_visit(participants=240)
    services.visit_update(visit=visit, changes={"internal_notes": "Called the host."})
    with pytest.raises(services.VisitSchedulingError):
        services.visit_update(visit=visit, changes={"starts_on": date(2027, 9, 7)})


# --- The host is told when a confirmed visit moves or is cancelled --------------------------


def _confirmed(language="en"):
    offer = make_offer(language=language, email="host@vara.example", contact_name="Anna")
    visit = services.visit_schedule(
        intake=make_intake(),
        host=offer.organisation,
        offer=offer,
        kind="group_visit",
        starts_on=date(2027, 9, 8),
        ends_on=date(2027, 9, 8),
        status=ScheduledVisit.Status.CONFIRMED,
    )
    OutboxMessage.objects.all().delete()
    return visit


@pytest.mark.django_db
def test_moving_a_confirmed_visit_tells_the_host_what_changed_in_the_offers_language():
    visit = _confirmed("en")
    with translation.override("sv"):  # the staff member works in Swedish
        services.visit_update(
            visit=visit,
            changes={
                "starts_on": date(2027, 9, 9),
                "ends_on": date(2027, 9, 10),
                "participants": 20,
            },
        )
    message = OutboxMessage.objects.get()
    assert message.to == ["host@vara.example"] and message.language == "en"
    assert message.subject == "Changed: the study visit on 8 September 2027"
    assert "Dates: 9–10 September 2027 (before: 8 September 2027)" in message.body_text
    assert "Visitors: 20 (before: 25)" in message.body_text
    assert "Kind of hosting: Group study visit (before" not in message.body_text
    assert message.reply_to


@pytest.mark.django_db
def test_cancelling_a_confirmed_visit_tells_the_host_in_swedish():
    visit = _confirmed("sv")
    services.visit_update(visit=visit, changes={"status": ScheduledVisit.Status.CANCELLED})
    message = OutboxMessage.objects.get()
    assert message.subject == "Inställt: studiebesöket 8 september 2027"
    assert "har ställt in det bekräftade besöket" in message.body_text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "subject", "words"),
    [
        ("sv", "Inte längre bekräftat: studiebesöket 8 september 2027", "är inte bekräftat längre"),
        (
            "en",
            "No longer confirmed: the study visit on 8 September 2027",
            "not confirmed any more",
        ),
    ],
)
def test_taking_a_confirmed_visit_back_to_proposed_tells_the_host(language, subject, words):
    visit = _confirmed(language)
    with translation.override("sv" if language == "en" else "en"):  # staff's own language
        services.visit_update(
            visit=visit,
            changes={"status": ScheduledVisit.Status.PROPOSED, "starts_on": date(2027, 9, 7)},
        )
    message = OutboxMessage.objects.get()
    assert message.to == ["host@vara.example"] and message.language == language
    assert message.subject == subject
    assert words in message.body_text
    assert ("7–8 september 2027" if language == "sv" else "7–8 September 2027") in (
        message.body_text
    )
    assert message.reply_to
    # Confirming it again sends a new confirmation.
    services.visit_confirm(visit=visit)
    assert OutboxMessage.objects.count() == 2


@pytest.mark.django_db
def test_changes_the_host_does_not_need_send_nothing():
    visit = _confirmed()
    services.visit_update(visit=visit, changes={"internal_notes": "Bus booked."})
    proposed = make_visit(host=municipality("orebro"), contact_email="x@orebro.example")
    services.visit_update(
        visit=proposed, changes={"starts_on": date(2027, 9, 9), "ends_on": date(2027, 9, 9)}
    )
    services.visit_update(visit=proposed, changes={"status": ScheduledVisit.Status.CANCELLED})
    assert OutboxMessage.objects.count() == 0


@pytest.mark.django_db
def test_deleting_a_confirmed_visit_to_come_tells_the_host_it_is_cancelled(frozen_now):
    visit = _confirmed("en")
    services.visit_delete(visit=visit)
    message = OutboxMessage.objects.get()
    assert message.subject == "Cancelled: the study visit on 8 September 2027"
    assert ScheduledVisit.objects.count() == 0
    over = make_visit(
        make_intake(sweden=("2026-09-01", "2026-09-30")),
        status="confirmed",
        contact_email="a@vara.example",
        first="2026-09-08",
        last="2026-09-08",
    )
    services.visit_delete(visit=over)
    assert OutboxMessage.objects.count() == 1
