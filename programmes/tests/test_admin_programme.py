import pytest
from django.urls import reverse
from django.utils import translation

from programmes import selectors
from programmes.models import ScheduledVisit
from programmes.tests.conftest import make_intake, make_offer, make_visit, municipality

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


def _sweden_phase(staff_client, intake, language="en"):
    with translation.override(language):
        return staff_client.get(
            reverse("admin:programmes_intake_sweden_phase", args=[intake.pk]),
            headers={"accept-language": language},
        )


def test_an_intakes_page_links_to_its_phase_in_sweden(staff_client):
    intake = make_intake()
    page = staff_client.get(reverse("admin:programmes_intake_change", args=[intake.pk])).text
    assert reverse("admin:programmes_intake_sweden_phase", args=[intake.pk]) in page


def test_the_phase_in_sweden_shows_each_day_with_its_visits(staff_client):
    intake = make_intake(sweden=("2027-09-06", "2027-09-17"))
    make_visit(intake, first="2027-09-08", last="2027-09-08", participants=25)
    make_visit(intake, municipality("orebro"), kind="placement", first="2027-09-13",
               last="2027-09-14", participants=3)  # fmt: skip
    make_visit(intake, municipality("horby"), first="2027-10-04", last="2027-10-04")
    make_visit(intake, municipality("boras"), first="2027-09-09", last="2027-09-09",
               status=ScheduledVisit.Status.CANCELLED)  # fmt: skip
    calendar = selectors.intake_sweden_phase_calendar(intake)
    assert [week.number for week in calendar.weeks] == [36, 37]
    days = {d.day.isoformat(): d for week in calendar.weeks for d in week.days}
    assert len(days) == 12
    assert [v.host.slug for v in days["2027-09-08"].visits] == ["vara"]
    assert days["2027-09-08"].placed == 25 and days["2027-09-13"].placed == 3
    assert days["2027-09-09"].visits == []  # the cancelled visit is not shown
    assert [v.host.slug for v in calendar.outside] == ["horby"]
    assert len(calendar.bars) == 2

    response = _sweden_phase(staff_client, intake, "en")
    assert response.status_code == 200
    text = response.text
    assert "Week 36: 6–12 September 2027" in text
    assert "Wednesday 8 September" in text and "Vara Municipality</a>: Group study visit" in text
    assert "Visits outside the phase in Sweden" in text and "Hörby Municipality" in text
    assert 'role="img"' in text and "<table>" in text
    swedish = _sweden_phase(staff_client, intake, "sv").text
    assert "Vecka 36: 6–12 september 2027" in swedish
    assert "onsdag 8 september" in swedish
    assert "Besök utanför fasen i Sverige" in swedish


def test_an_intake_without_phase_in_sweden_says_so(staff_client):
    intake = make_intake(sweden=None)
    text = _sweden_phase(staff_client, intake, "en").text
    assert "This intake has no phase in Sweden yet" in text


def test_the_phase_page_needs_staff_and_an_existing_intake(client, staff_client):
    intake = make_intake()
    url = reverse("admin:programmes_intake_sweden_phase", args=[intake.pk])
    assert client.get(url).status_code == 302
    missing = reverse("admin:programmes_intake_sweden_phase", args=[999999])
    assert staff_client.get(missing).status_code in (302, 404)
