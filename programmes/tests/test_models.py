from datetime import date

import pytest
from django.db import IntegrityError, transaction

from programmes.models import Intake, Programme, ScheduledVisit
from programmes.tests.conftest import make_intake, make_programme, make_visit, municipality

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        ("2026-10-31", Intake.ApplicationStatus.UPCOMING),
        ("2026-11-01", Intake.ApplicationStatus.OPEN),  # the first day counts
        ("2026-12-31", Intake.ApplicationStatus.OPEN),  # so does the deadline itself
        ("2027-01-01", Intake.ApplicationStatus.CLOSED),
    ],
)
def test_application_status_follows_the_dates(on, expected):
    intake = make_intake(opens="2026-11-01", closes="2026-12-31")
    assert intake.application_status(date.fromisoformat(on)) == expected


def test_application_status_uses_the_swedish_calendar_day(frozen_now):
    intake = make_intake(opens="2026-11-01", closes="2026-11-27")
    # 23:30 in Stockholm on the deadline: still open (in UTC it is 22:30, same day anyway).
    frozen_now("2026-11-27 23:30")
    assert intake.application_status() == Intake.ApplicationStatus.OPEN
    # 00:30 in Stockholm the next day is still 23:30 on the 27th in UTC: closed in Sweden.
    frozen_now("2026-11-28 00:30")
    assert intake.application_status() == Intake.ApplicationStatus.CLOSED


def test_current_intake_prefers_open_then_upcoming_then_latest():
    programme = make_programme()
    old = make_intake(
        programme, opens="2024-01-01", closes="2024-02-01", starts="2024-03-01", ends="2025-03-01"
    )
    on = date(2026, 11, 27)
    assert programme.current_intake(on) == old
    later = make_intake(
        programme, opens="2027-02-01", closes="2027-03-01", starts="2027-05-01", ends="2028-05-01"
    )
    assert programme.current_intake(on) == later
    open_now = make_intake(
        programme, opens="2026-11-01", closes="2026-12-01", starts="2027-02-01", ends="2028-02-01"
    )
    assert programme.current_intake(on) == open_now


def test_open_for_applications_queryset(frozen_now):
    open_programme = make_intake(opens="2026-11-01", closes="2026-12-01").programme
    make_intake(opens="2027-01-01", closes="2027-02-01")
    assert list(Programme.objects.open_for_applications()) == [open_programme]


def test_database_refuses_an_intake_that_ends_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_intake(starts="2027-03-01", ends="2027-02-01", sweden=None)


def test_programme_slug_cannot_take_a_page_address():
    programme = make_programme(slug="our-hosts")
    with pytest.raises(Exception) as error:
        programme.full_clean()
    assert "slug" in error.value.message_dict


@pytest.mark.parametrize(
    ("first", "last", "clash"),
    [
        ("2027-09-08", "2027-09-08", True),  # same day
        ("2027-09-07", "2027-09-09", True),  # around it
        ("2027-09-09", "2027-09-10", True),  # the last day of one is the first of the other
        ("2027-09-11", "2027-09-12", False),  # the day after
        ("2027-09-06", "2027-09-07", False),  # the days before
    ],
)
def test_exclusion_constraint_refuses_overlapping_visits_of_one_host(first, last, clash):
    intake = make_intake()
    make_visit(intake, first="2027-09-08", last="2027-09-09")
    if clash:
        with pytest.raises(IntegrityError), transaction.atomic():
            make_visit(intake, first=first, last=last)
    else:
        make_visit(intake, first=first, last=last)


def test_other_hosts_and_cancelled_visits_do_not_clash():
    intake = make_intake()
    visit = make_visit(intake, first="2027-09-08", last="2027-09-09")
    make_visit(intake, municipality("boras"), first="2027-09-08", last="2027-09-09")
    visit.status = ScheduledVisit.Status.CANCELLED
    visit.save()
    make_visit(intake, first="2027-09-08", last="2027-09-08")
    # Reviving the cancelled visit would double-book the host: refused.
    visit.status = ScheduledVisit.Status.PROPOSED
    with pytest.raises(IntegrityError), transaction.atomic():
        visit.save()
