import pytest
from django.urls import reverse

from core.models import OutboxMessage
from knowledge.models import Registration
from knowledge.tests.factories import make_event, make_registration

pytestmark = pytest.mark.django_db


def test_event_list_shows_confirmed_and_waiting_counts(staff_client):
    event = make_event(capacity=1, title_sv="Räknat seminarium")
    make_registration(event)
    make_registration(event, status=Registration.Status.WAITING)
    make_registration(event, status=Registration.Status.WAITING)
    response = staff_client.get(reverse("admin:knowledge_event_changelist"))
    row = response.text.split("Räknat seminarium</a>")[1].split("</tr>")[0]
    assert '<td class="field-confirmed">1</td>' in row and '<td class="field-waiting">2</td>' in row


def test_participant_list_exports_as_csv(staff_client):
    event = make_event()
    make_registration(
        event, name="Ada", email="ada@example.org", organisation="=cmd", needs="Vegetarian"
    )
    response = staff_client.post(
        reverse("admin:knowledge_event_changelist"),
        {"action": "export_participants", "_selected_action": [event.pk]},
    )
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8-sig")
    assert "Ada,ada@example.org,'=cmd,Vegetarian" in body


def test_staff_move_people_between_confirmed_and_waiting(staff_client):
    event = make_event(capacity=1)
    waiting = make_registration(event, status=Registration.Status.WAITING, email="w@example.org")
    staff_client.post(
        reverse("admin:knowledge_registration_changelist"),
        {"action": "confirm_selected", "_selected_action": [waiting.pk]},
    )
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert OutboxMessage.objects.filter(to__contains=["w@example.org"]).count() == 1
    staff_client.post(
        reverse("admin:knowledge_registration_changelist"),
        {"action": "move_to_waiting_list", "_selected_action": [waiting.pk]},
    )
    waiting.refresh_from_db()
    assert waiting.status == "waiting"


def change_data(event, **changes):
    """The event's admin form as staff would post it, with ``changes``."""
    from django.utils import timezone

    data = {
        "kind": event.kind,
        "slug": event.slug,
        "starts_at_0": timezone.localtime(event.starts_at).strftime("%Y-%m-%d"),
        "starts_at_1": timezone.localtime(event.starts_at).strftime("%H:%M:%S"),
        "ends_at_0": timezone.localtime(event.ends_at).strftime("%Y-%m-%d"),
        "ends_at_1": timezone.localtime(event.ends_at).strftime("%H:%M:%S"),
        "language": event.language,
        "is_published": "on",
        "title_sv": event.title_sv,
        "title_en": event.title_en,
        "venue_sv": event.venue_sv,
        "city": event.city,
        "registration_enabled": "on",
        "capacity": event.capacity or "",
        "registrations-TOTAL_FORMS": "0",
        "registrations-INITIAL_FORMS": "0",
        "registrations-MIN_NUM_FORMS": "0",
        "registrations-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_raising_the_capacity_in_admin_seats_the_waiting_list(staff_client):
    event = make_event(capacity=1)
    make_registration(event)
    waiting = make_registration(event, status=Registration.Status.WAITING, email="w@example.org")
    response = staff_client.post(
        reverse("admin:knowledge_event_change", args=[event.pk]),
        change_data(event, capacity="2"),
        follow=True,
    )
    assert response.status_code == 200
    assert "1 person på väntelistan fick en plats" in response.text
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert OutboxMessage.objects.filter(to__contains=["w@example.org"]).count() == 1


def test_cancelling_an_event_in_admin_emails_everyone_signed_up_once(staff_client):
    event = make_event(capacity=1)
    make_registration(event, email="seat@example.org")
    make_registration(event, status=Registration.Status.WAITING, email="w@example.org")
    url = reverse("admin:knowledge_event_change", args=[event.pk])
    response = staff_client.post(url, change_data(event, is_cancelled="on"), follow=True)
    assert "2 personer som var anmälda fick e-post om att evenemanget är inställt" in response.text
    staff_client.post(url, change_data(event, is_cancelled="on"))
    for email in ("seat@example.org", "w@example.org"):
        assert OutboxMessage.objects.filter(to__contains=[email]).count() == 1
    page = staff_client.get(url)
    assert "Meddela själv" not in page.text
    assert "alla som är anmälda får e-post en gång" in page.text


def test_deleting_a_sign_up_in_admin_seats_the_next_in_line(staff_client):
    event = make_event(capacity=1)
    seated = make_registration(event)
    waiting = make_registration(event, status=Registration.Status.WAITING, email="w@example.org")
    staff_client.post(
        reverse("admin:knowledge_registration_delete", args=[seated.pk]), {"post": "yes"}
    )
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    other = make_registration(event, status=Registration.Status.WAITING)
    staff_client.post(
        reverse("admin:knowledge_registration_changelist"),
        {"action": "delete_selected", "_selected_action": [waiting.pk], "post": "yes"},
    )
    other.refresh_from_db()
    assert other.status == "confirmed"


def test_staff_cancel_for_a_person_who_is_told_and_whose_seat_goes_on(staff_client):
    event = make_event(capacity=1)
    seated = make_registration(event, email="s@example.org", language="sv")
    waiting = make_registration(event, status=Registration.Status.WAITING, email="w@example.org")
    response = staff_client.post(
        reverse("admin:knowledge_registration_changelist"),
        {"action": "cancel_selected", "_selected_action": [seated.pk]},
        follow=True,
    )
    assert "1 anmälan avbokad" in response.text
    seated.refresh_from_db()
    waiting.refresh_from_db()
    assert (seated.status, waiting.status) == ("cancelled", "confirmed")
    [told] = OutboxMessage.objects.filter(to__contains=["s@example.org"])
    assert told.language == "sv" and "Vi har avbokat" in told.body_text
