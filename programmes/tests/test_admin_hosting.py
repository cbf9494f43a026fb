import pytest
from django.urls import reverse

from programmes.tests.conftest import make_offer

pytestmark = pytest.mark.django_db


def test_offer_admin_uses_checkboxes_and_records_changes_in_the_history(staff_client):
    offer = make_offer(hosting_kinds=["group_visit"], languages=["en"])
    page = staff_client.get(reverse("admin:programmes_hostingoffer_change", args=[offer.pk])).text
    assert 'type="checkbox" name="hosting_kinds" value="placement"' in page
    data = {
        "status": "accepted",
        "internal_notes": "Called them.",
        "organisation": offer.organisation_id,
        "contact_name": offer.contact_name,
        "contact_role": "",
        "email": offer.email,
        "phone": offer.phone,
        "hosting_kinds": ["group_visit", "placement"],
        "capacity": 30,
        "expertise": "",
        "languages": ["en", "sv"],
        "accessibility": "step_free",
        "accessibility_notes": "",
        "message": "",
        "may_be_listed": "on",
        "periods-TOTAL_FORMS": "1",
        "periods-INITIAL_FORMS": "1",
        "periods-0-id": offer.periods.get().pk,
        "periods-0-offer": offer.pk,
        "periods-0-starts_on": "2027-09-01",
        "periods-0-ends_on": "2027-09-30",
        "history-TOTAL_FORMS": "0",
        "history-INITIAL_FORMS": "0",
    }
    response = staff_client.post(
        reverse("admin:programmes_hostingoffer_change", args=[offer.pk]), data
    )
    assert response.status_code == 302, response.text[:3000]
    offer.refresh_from_db()
    assert offer.hosting_kinds == ["group_visit", "placement"]
    assert offer.status == "accepted"
    entry = offer.history.get()
    assert entry.by.username == "staff"
    assert "status" in entry.changes or "status" in " ".join(entry.changes)
