from datetime import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from knowledge import citations
from knowledge.models import Publication
from knowledge.tests.factories import make_person, make_publication

pytestmark = pytest.mark.django_db


@pytest.fixture
def proceedings():
    people = [
        make_person(given_names="A.", family_name="Dellnäs"),
        make_person(given_names="Bo Erik", family_name="Jörgensen"),
        make_person(given_names="J.", family_name="Jendal"),
    ]
    return make_publication(
        authors=people,
        type=Publication.Type.CONFERENCE_REPORT,
        year=2011,
        title_sv="Konferensrapport",
        title_en="Proceedings of the workshop",
        isbn="978-91-86725-01-3",
        document_languages=["en"],
    )


def test_text_citation_lists_authors_in_order_under_the_title_the_document_has(proceedings):
    with translation.override("en"):
        text = citations.text_citation(proceedings)
    assert text.startswith(
        "Dellnäs, A., Jörgensen, B. E., & Jendal, J. (2011). Proceedings of the workshop"
    )
    with translation.override("sv"):
        swedish = citations.text_citation(proceedings)
    # An English document is cited by its English title, in a Swedish sentence.
    assert "Proceedings of the workshop (Konferensrapport)." in swedish
    assert "Konferensrapport (Konferensrapport)" not in swedish
    proceedings.document_languages = ["sv", "en"]
    with translation.override("sv"):
        assert "Konferensrapport (Konferensrapport)." in citations.text_citation(proceedings)


def test_bibtex_and_ris_of_an_english_document_keep_its_title_on_the_swedish_site(proceedings):
    with translation.override("sv"):
        entry, record = citations.bibtex(proceedings), citations.ris(proceedings)
    assert "title = {{Proceedings of the workshop}}" in entry and "Konferensrapport}" not in entry
    assert "TI  - Proceedings of the workshop\r\n" in record
    swedish_only = make_publication(
        title_sv="Bara svenska", title_en="Swedish only", document_languages=["sv"]
    )
    with translation.override("en"):
        assert "TI  - Bara svenska\r\n" in citations.ris(swedish_only)


def test_bibtex_entry(proceedings):
    with translation.override("en"):
        entry = citations.bibtex(proceedings)
    assert entry.startswith("@proceedings{dellnas2011proceedings,\n")
    assert "author = {Dellnäs, A. and Jörgensen, Bo Erik and Jendal, J.}" in entry
    assert "isbn = {978-91-86725-01-3}" in entry and entry.rstrip().endswith("}")


def test_ris_record(proceedings):
    with translation.override("en"):
        record = citations.ris(proceedings)
    lines = record.split("\r\n")
    assert lines[:4] == [
        "TY  - CONF",
        "AU  - Dellnäs, A.",
        "AU  - Jörgensen, Bo Erik",
        "AU  - Jendal, J.",
    ]
    assert "SN  - 978-91-86725-01-3" in lines and "LA  - en" in lines and lines[-2] == "ER  - "


def test_publications_of_one_author_year_and_title_word_each_get_a_key_of_their_own(client):
    nilsson = make_person(given_names="Anna", family_name="Nilsson")
    briefs = [
        make_publication(
            authors=[nilsson],
            year=2019,
            type=Publication.Type.POLICY_BRIEF,
            title_en=f"ICLD country brief: {country}",
            created_at=timezone.make_aware(datetime(2019, 5, day)),
        )
        for day, country in ((3, "Kenya"), (1, "Botswana"), (2, "Indonesia"))
    ]
    keys = [citations.bibtex_key(brief) for brief in briefs]
    # In the order they were added: Botswana (1 May) keeps the plain key.
    assert keys == ["nilsson2019icldc", "nilsson2019icld", "nilsson2019icldb"]
    # A brief added later takes the next letter and renames none of the others.
    make_publication(authors=[nilsson], year=2019, title_en="ICLD country brief: Zambia")
    assert [citations.bibtex_key(brief) for brief in briefs] == keys
    for brief, key in zip(briefs, keys, strict=True):
        assert citations.bibtex(brief).startswith(f"@techreport{{{key},\n")
        with translation.override("en"):
            response = client.get(reverse("knowledge:publication_bibtex", args=[brief.slug]))
        assert response["Content-Disposition"] == f'attachment; filename="{key}.bib"'
