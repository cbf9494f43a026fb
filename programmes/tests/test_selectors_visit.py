import pytest

from programmes import selectors
from programmes.models import ScheduledVisit
from programmes.tests.conftest import make_intake, make_visit, municipality

pytestmark = pytest.mark.django_db


def test_hosted_visits_only_when_the_host_agreed_and_the_visit_is_over(frozen_now):
    intake = make_intake(sweden=None)
    listed = make_visit(
        intake,
        first="2026-09-01",
        last="2026-09-01",
        status=ScheduledVisit.Status.COMPLETED,
        host_may_be_listed=True,
    )
    make_visit(
        intake,
        first="2026-10-01",
        last="2026-10-01",
        status=ScheduledVisit.Status.CANCELLED,
        host_may_be_listed=True,
    )
    make_visit(
        intake,
        first="2027-09-01",
        last="2027-09-01",
        status=ScheduledVisit.Status.CONFIRMED,
        host_may_be_listed=True,
    )
    assert list(selectors.hosted_visits_for_organisation(municipality())) == [listed]
    hidden = make_visit(
        intake,
        municipality("boras"),
        first="2026-09-01",
        last="2026-09-01",
        status=ScheduledVisit.Status.COMPLETED,
        host_may_be_listed=False,
    )
    assert list(selectors.hosted_visits_for_organisation(hidden.host)) == []
    assert [host.slug for host in selectors.hosts_public()] == ["vara"]
