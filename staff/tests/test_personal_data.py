"""Staff export or erase what the portal holds about one person, across every app."""

import json
import uuid

import pytest
from django.urls import reverse

from core.models import AccessibilityReport
from staff import roles

pytestmark = pytest.mark.django_db
URL = "/admin/personal-data/"


@pytest.fixture
def report():
    return AccessibilityReport.objects.create(
        kind="barrier",
        description="Kartan går inte att använda med tangentbord.",
        name="Eva Ek",
        email="eva@example.se",
        language="sv",
        submission_token=uuid.uuid4(),
    )


def test_an_administrator_exports_everything_as_json(staff_client, report):
    response = staff_client.post(URL, {"email": "EVA@example.se", "action": "export"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="personal-data.json"'
    data = json.loads(response.content)
    assert [kind["model"] for kind in data["kinds"]] == ["core.AccessibilityReport"]


def test_erase_asks_first_then_erases_and_says_how_much(staff_client, report):
    response = staff_client.post(
        URL, {"email": "eva@example.se", "action": "erase"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert "Yes, erase all of it" in response.text and "Accessibility reports" in response.text
    assert AccessibilityReport.objects.exists()
    response = staff_client.post(
        URL,
        {"email": "eva@example.se", "action": "erase", "confirm": "yes"},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert not AccessibilityReport.objects.exists()
    assert "Erased 1 record held about eva@example.se." in response.text


def test_a_bad_address_gets_a_message_and_keeps_what_was_typed(staff_client):
    response = staff_client.post(URL, {"email": "not an address", "action": "erase"})
    assert response.status_code == 200
    assert 'value="not an address"' in response.text
    assert 'class="errorlist"' in response.text


def test_a_team_member_may_not_export_other_teams_data(make_staff, verified_client, report):
    client = verified_client(make_staff(roles.PARTNERSHIPS_TEAM))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"email": "eva@example.se", "action": "export"}).status_code == 403
    assert "staff-personal-data-module" not in client.get(reverse("admin:index")).text


def test_without_the_second_factor_the_page_is_closed(client, django_user_model, report):
    user = django_user_model.objects.create_user(
        username="admin", password="a-long-enough-password", is_staff=True, is_superuser=True
    )
    client.force_login(user)
    response = client.post(URL, {"email": "eva@example.se", "action": "export"})
    assert response.status_code == 302
    assert AccessibilityReport.objects.exists()


def test_the_start_page_links_administrators_to_it(staff_client):
    assert URL in staff_client.get(reverse("admin:index")).text


def test_an_address_with_nothing_held_says_so_and_offers_the_buttons_again(staff_client):
    response = staff_client.post(
        URL, {"email": "nobody@example.se", "action": "erase"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "The portal holds nothing about nobody@example.se." in response.text
    assert 'value="export"' in response.text and "Yes, erase all of it" not in response.text
