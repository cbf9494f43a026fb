import pytest
from django.urls import reverse

from knowledge.tests.factories import make_person

pytestmark = pytest.mark.django_db


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
        "cover": "",
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
    assert publication.is_published and publication.published_at is not None
    assert publication.author_names == person.name
    assert (
        publication.file.name.startswith("knowledge/publications/")
        and "brief" not in publication.file.name
    )
