"""Staff follow registrations up in admin: history, matches, CSV export, privacy."""

from __future__ import annotations

import json

from django.urls import reverse
from django.utils import translation

from core.models import OutboxMessage
from partnerships import services
from partnerships.models import InterestRegistration, Match
from partnerships.tests import factories


def test_admin_change_records_history_and_match(staff_client):
    registration = factories.registration()
    seeker = factories.seeker()
    change = reverse("admin:partnerships_interestregistration_change", args=[registration.pk])
    page = staff_client.get(change)
    assert page.status_code == 200
    assert seeker.organisation.name in page.content.decode()  # ranked suggestion
    response = staff_client.post(
        change,
        {
            "status": "contacted",
            "assignee": "",
            "internal_notes": "Mejlat.",
            "record_match": str(seeker.pk),
            "events-TOTAL_FORMS": "0",
            "events-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    registration.refresh_from_db()
    assert registration.status == "matched"
    assert Match.objects.filter(registration=registration, seeker=seeker).exists()
    events = list(registration.events.order_by("pk").values_list("event", flat=True))
    assert events == ["received", "changed", "changed", "matched"]
    seeker_page = staff_client.get(
        reverse("admin:partnerships_partnerseeker_change", args=[seeker.pk])
    )
    assert seeker_page.status_code == 200


def test_admin_csv_export_respects_filters(staff_client):
    new = factories.registration(org="vara", email="new@vara.example")
    contacted = factories.registration(org="lulea", email="contacted@lulea.example")
    services.registration_update(registration=contacted, status="contacted")
    export = reverse("admin:partnerships_interestregistration_export")
    text = staff_client.get(export, {"status__exact": "new"}).content.decode()
    assert "new@vara.example" in text and "contacted@lulea.example" not in text
    text = staff_client.get(export, {"q": "lulea"}).content.decode()
    assert "contacted@lulea.example" in text and "new@vara.example" not in text
    changelist = reverse("admin:partnerships_interestregistration_changelist")
    page = staff_client.get(changelist, {"status__exact": "new"}).content.decode()
    assert f"{export}?status__exact=new" in page
    response = staff_client.post(changelist, {"action": "export_csv", "_selected_action": [new.pk]})
    assert "new@vara.example" in response.content.decode()


def test_csv_cells_never_start_a_formula(staff_client):
    factories.registration(contact_name='=HYPERLINK("http://evil")')
    text = staff_client.get(reverse("admin:partnerships_interestregistration_export")).content
    assert b"'=HYPERLINK" in text


def test_admin_export_and_erase_personal_data(staff_client):
    target = factories.registration(email="Erik@Vara.example", contact_name="Erik Persson")
    other = factories.registration(email="other@lulea.example", contact_name="Olle Other")
    changelist = reverse("admin:partnerships_interestregistration_changelist")
    response = staff_client.post(
        changelist, {"action": "export_personal_data", "_selected_action": [target.pk]}
    )
    data = json.loads(response.content)
    kinds = {kind["model"]: kind["rows"] for kind in data["people"][0]["kinds"]}
    assert kinds["partnerships.InterestRegistration"][0]["contact_name"] == "Erik Persson"
    assert (
        len(kinds["core.OutboxMessage"]) == 2
    )  # the receipt, and the team notice replying to Erik
    confirm = staff_client.post(
        changelist, {"action": "erase_personal_data", "_selected_action": [target.pk]}
    )
    assert confirm.status_code == 200 and b"erik@vara.example" in confirm.content
    assert "Intresseanmälningar" in confirm.content.decode()
    assert InterestRegistration.objects.get(pk=target.pk).contact_name == "Erik Persson"
    staff_client.post(
        changelist,
        {"action": "erase_personal_data", "confirm": "yes", "_selected_action": [target.pk]},
    )
    target.refresh_from_db()
    assert target.contact_name == "" and target.email == "" and target.anonymised_at
    assert target.organisation.slug == "vara" and target.countries.exists()
    assert not OutboxMessage.objects.filter(to__overlap=["Erik@Vara.example"]).exists()
    assert not OutboxMessage.objects.filter(body_text__icontains="Erik").exists()
    other.refresh_from_db()
    assert other.contact_name == "Olle Other"


def test_a_team_member_is_not_offered_the_cross_app_export_and_erase(client, django_user_model):
    from django.contrib.auth.models import Group
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from staff import roles

    factories.registration()  # admin shows its actions only on a list with rows
    user = django_user_model.objects.create_user(username="team", password="x" * 20, is_staff=True)
    user.groups.add(Group.objects.get(name=roles.PARTNERSHIPS_TEAM))
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    page = client.get(reverse("admin:partnerships_interestregistration_changelist")).text
    assert "export_personal_data" not in page and "erase_personal_data" not in page
    assert 'value="export_csv"' in page  # the team's own export stays


def test_registration_history_reads_in_the_language_of_whoever_opens_it(staff_client):
    registration = factories.registration()
    with translation.override("sv"):  # changed by someone using the Swedish admin
        services.registration_update(registration=registration, status="contacted")
    change = reverse("admin:partnerships_interestregistration_change", args=[registration.pk])
    events = reverse("admin:partnerships_registrationevent_changelist")
    english = staff_client.get(change, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<p>Changed</p>" in english and "<strong>status</strong>: New → Contacted" in english
    assert "Ändrad" not in english and "Kontaktad" not in english
    swedish = staff_client.get(change, HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "<p>Ändrad</p>" in swedish and "<strong>status</strong>: Ny → Kontaktad" in swedish
    assert "Received from the website" in staff_client.get(events, HTTP_ACCEPT_LANGUAGE="en").text
    assert "Mottagen från webbplatsen" in staff_client.get(events, HTTP_ACCEPT_LANGUAGE="sv").text
