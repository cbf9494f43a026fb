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
