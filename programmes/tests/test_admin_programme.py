import pytest
from django.urls import reverse

from programmes.tests.conftest import make_intake, make_offer

pytestmark = pytest.mark.django_db


def test_intake_admin_suggests_offers_with_a_prefilled_booking_link(staff_client, themes):
    intake = make_intake()
    make_offer(periods=[("2027-09-01", "2027-09-30")])
    page = staff_client.get(reverse("admin:programmes_intake_change", args=[intake.pk])).text
    assert "Vara kommun" in page
    assert "starts_on=2027-09-06" in page


def test_booking_from_a_suggestion_carries_the_offers_contact_and_listing_consent(staff_client):
    intake = make_intake()
    offer = make_offer(periods=[("2027-09-01", "2027-09-30")], may_be_listed=True, language="en")
    page = staff_client.get(reverse("admin:programmes_intake_change", args=[intake.pk])).text
    link = next(part for part in page.split('"') if "scheduledvisit/add/?" in part)
    form = staff_client.get(link.replace("&amp;", "&")).text
    assert f'value="{offer.email}"' in form
    assert 'name="host_may_be_listed" id="id_host_may_be_listed" checked' in form or (
        'id="id_host_may_be_listed" checked' in form
    )
