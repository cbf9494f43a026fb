"""The admin of the whole app (signed in with the shared ``staff_client`` fixture)."""

import pytest
from django.urls import reverse

from programmes.tests.conftest import make_intake, make_offer, make_visit

pytestmark = pytest.mark.django_db


def test_every_admin_page_opens(staff_client):
    intake = make_intake()
    offer = make_offer()
    visit = make_visit(intake)
    for name, args in [
        ("programme", [intake.programme.pk]),
        ("intake", [intake.pk]),
        ("hostingoffer", [offer.pk]),
        ("scheduledvisit", [visit.pk]),
    ]:
        assert staff_client.get(reverse(f"admin:programmes_{name}_changelist")).status_code == 200
        assert (
            staff_client.get(reverse(f"admin:programmes_{name}_change", args=args)).status_code
            == 200
        )
    for name in ("phase", "hostingperiod", "historyentry"):
        assert staff_client.get(reverse(f"admin:programmes_{name}_changelist")).status_code == 200
