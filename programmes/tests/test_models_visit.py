import pytest
from django.db import IntegrityError, transaction

from programmes.models import ScheduledVisit
from programmes.tests.conftest import make_intake, make_visit, municipality

pytestmark = pytest.mark.django_db


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
