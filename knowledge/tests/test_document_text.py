"""The text of a publication's PDF: read on upload (pypdf), searched, and the page shown."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import QueryDict
from django.utils import translation

from knowledge import services
from knowledge.documents import pdf_text
from knowledge.models import Publication
from knowledge.search import library_search
from knowledge.tests.factories import make_publication
from knowledge.tests.files import PDF, pdf_with_text
from portal.search import site_search

pytestmark = pytest.mark.django_db


def upload(publication: Publication, data: bytes) -> Publication:
    """As the admin does: a new file assigned, then the whole row saved."""
    publication.file = SimpleUploadedFile("report.pdf", data, content_type="application/pdf")
    publication.save()
    publication.refresh_from_db()
    return publication


def test_the_text_of_an_uploaded_pdf_is_kept_page_by_page(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    publication = upload(
        make_publication(), pdf_with_text("Inledning om demokrati", "Trygg vattenförsörjning")
    )
    assert publication.file_text == "Inledning om demokrati\fTrygg vattenförsörjning"


def test_a_new_file_replaces_the_text_and_removing_it_clears_it(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    publication = upload(make_publication(), pdf_with_text("Första versionen"))
    publication = upload(publication, pdf_with_text("Andra versionen"))
    assert publication.file_text == "Andra versionen"
    publication.title_en = "Edited"  # saving without a new file keeps the text
    publication.save()
    publication.refresh_from_db()
    assert publication.file_text == "Andra versionen"
    publication.file = None
    publication.save()
    publication.refresh_from_db()
    assert publication.file_text == ""


def test_an_unreadable_or_blank_pdf_gives_no_text_and_no_error(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    assert upload(make_publication(), PDF).file_text == ""
    assert pdf_text(ContentFile(b"%PDF-1.4 garbage \x00\x01 not a pdf")) == ""


def test_the_backfill_service_reads_files_uploaded_before(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    publication = make_publication()
    publication.file.save("old.pdf", ContentFile(pdf_with_text("Gammal rapport")), save=False)
    Publication.objects.filter(pk=publication.pk).update(file=publication.file.name)
    services.publication_extract_text(publication=publication)
    assert Publication.objects.get(pk=publication.pk).file_text == "Gammal rapport"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_words_only_in_the_pdf_are_found_with_the_page_they_are_on(settings, tmp_path, language):
    settings.MEDIA_ROOT = tmp_path
    upload(
        make_publication(slug="water-report", title_en="Annual report", title_sv="Årsrapport"),
        pdf_with_text("Inledning", "Om budgeten", "Trygg vattenförsörjning i Kisumu"),
    )
    make_publication(slug="other", title_en="Something else")
    with translation.override(language):
        result = library_search(QueryDict("q=vattenforsorjning"))
        found = site_search("vattenförsörjning")
    assert [p.slug for p in result.page.object_list] == ["water-report"]
    assert result.page.object_list[0].file_page == 3
    publications = next(group for group in found.groups if group.key == "publications")
    assert [p.slug for p in publications.items] == ["water-report"]


def test_the_library_page_links_to_the_matching_page_of_the_pdf(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload(make_publication(slug="water-report"), pdf_with_text("Intro", "Water supply"))
    html = client.get("/en/knowledge-centre/publications/", {"q": "water"}).content.decode()
    assert "Found on page 2 of the PDF" in html
    assert "#page=2" in html
