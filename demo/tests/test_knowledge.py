import io

import pytest

from demo import knowledge as knowledge_demo
from knowledge.models import Event, Publication, Registration, ResearchCall

pytestmark = pytest.mark.django_db


def test_demo_content_loads_and_a_second_run_changes_nothing():
    knowledge_demo.seed(io.StringIO())
    counts = (
        Publication.objects.count(),
        Event.objects.count(),
        ResearchCall.objects.count(),
        Registration.objects.count(),
    )
    stamps = list(
        Publication.objects.order_by("pk").values_list("updated_at", "file", "author_names")
    )
    knowledge_demo.seed(io.StringIO())
    assert counts == (
        Publication.objects.count(),
        Event.objects.count(),
        ResearchCall.objects.count(),
        Registration.objects.count(),
    )
    assert stamps == list(
        Publication.objects.order_by("pk").values_list("updated_at", "file", "author_names")
    )
    assert counts[0] >= 10 and all(p.file for p in Publication.objects.all())
    for publication in Publication.objects.all():
        publication.full_clean()
        with publication.file.open("rb") as handle:
            assert handle.read(5) == b"%PDF-"
    for event in Event.objects.all():
        event.full_clean()


def test_demo_pdfs_are_tagged_with_their_title_author_and_language():
    from pypdf import PdfReader

    knowledge_demo.seed(io.StringIO())
    swedish = Publication.objects.filter(document_languages=["sv"]).first()
    english = Publication.objects.filter(document_languages=["en"]).first()
    for publication, language, title in (
        (swedish, "sv", swedish.title_sv),
        (english, "en", english.title_en),
    ):
        with publication.file.open("rb") as handle:
            reader = PdfReader(io.BytesIO(handle.read()), strict=True)
        root = reader.trailer["/Root"]
        assert root["/Lang"] == language
        assert bool(root["/MarkInfo"]["/Marked"])
        assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
        assert reader.metadata.title == title
        assert reader.metadata.author == ", ".join(
            a.person.name for a in publication.authorships.all()
        )
        assert reader.xmp_metadata.dc_title["x-default"] == title
        document = root["/StructTreeRoot"]["/K"][0].get_object()
        tags = [kid.get_object()["/S"] for kid in document["/K"]]
        assert tags[0] == "/H1" and set(tags[1:]) == {"/P"}
        assert title[:30] in reader.pages[0].extract_text()
    for call in ResearchCall.objects.filter(documents__isnull=False):
        with call.documents.first().file.open("rb") as handle:
            assert PdfReader(io.BytesIO(handle.read())).trailer["/Root"]["/Lang"] == "en"


def test_untagged_pdfs_of_an_earlier_demo_are_made_again():
    from django.core.files.base import ContentFile

    from demo.helpers import is_tagged_pdf

    knowledge_demo.seed(io.StringIO())
    publication = Publication.objects.first()
    publication.file.save("old.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    knowledge_demo.seed(io.StringIO())
    publication.refresh_from_db()
    with publication.file.open("rb") as handle:
        assert is_tagged_pdf(handle.read())
