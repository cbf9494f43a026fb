from datetime import date

import pytest
from django.db import IntegrityError, transaction

from programmes.models import Intake, Programme
from programmes.tests.conftest import make_intake, make_programme

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
