import pytest
from django.urls import reverse

from core.models import OutboxMessage
from knowledge.models import Registration
from knowledge.tests.factories import make_event, make_person, make_publication, make_registration

pytestmark = pytest.mark.django_db


def test_admin_pages_open(staff_client):
    event = make_event()
    make_registration(event)
    publication = make_publication(authors=[make_person()])
    for name in (
        "knowledge_publication",
        "knowledge_event",
        "knowledge_registration",
        "knowledge_researchcall",
        "knowledge_person",
    ):
        assert staff_client.get(reverse(f"admin:{name}_changelist")).status_code == 200
        assert staff_client.get(reverse(f"admin:{name}_add")).status_code in (200, 403)
    assert (
        staff_client.get(
            reverse("admin:knowledge_publication_change", args=[publication.pk])
        ).status_code
        == 200
    )
    page = staff_client.get(reverse("admin:knowledge_event_change", args=[event.pk]))
    assert page.status_code == 200


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


def test_staff_add_a_publication_with_a_validated_pdf(staff_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from knowledge.models import Publication
    from knowledge.tests.files import PDF

    person = make_person()
    data = {
        "type": "policy_brief",
        "slug": "new-brief",
        "year": "2026",
        "document_languages": ["sv", "en"],
        "is_published": "on",
        "title_sv": "Ny policyrapport",
        "title_en": "New policy brief",
        "abstract_sv": "",
        "abstract_en": "",
        "doi": "",
        "isbn": "",
        "external_url": "",
        "cover_alt_sv": "",
        "cover_alt_en": "",
        "created_at_0": "2026-11-27",
        "created_at_1": "10:00:00",
        "authorships-TOTAL_FORMS": "1",
        "authorships-INITIAL_FORMS": "0",
        "authorships-0-person": str(person.pk),
        "authorships-0-position": "0",
    }
    html = SimpleUploadedFile("brief.pdf", b"<html>not a pdf</html>", "application/pdf")
    response = staff_client.post(reverse("admin:knowledge_publication_add"), {**data, "file": html})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors.as_data()["file"][0].code == "not_pdf"
    pdf = SimpleUploadedFile("brief.pdf", PDF, "application/pdf")
    response = staff_client.post(reverse("admin:knowledge_publication_add"), {**data, "file": pdf})
    assert response.status_code == 302
    publication = Publication.objects.get(slug="new-brief")
    assert publication.document_languages == ["sv", "en"]
    assert publication.author_names == person.name
    assert (
        publication.file.name.startswith("knowledge/publications/")
        and "brief" not in publication.file.name
    )
