"""The admin of the whole app (signed in with the shared ``staff_client`` fixture)."""

import pytest
from django.urls import reverse

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
