"""The research library's pages and downloads: queries, citations, files, exports."""

import csv
import io
import json

import pytest
from django.core.files.base import ContentFile

from knowledge.tests.conftest import url
from knowledge.tests.factories import make_call, make_person, make_publication
from knowledge.tests.files import PDF
from reference.models import Country, Organisation, Theme

pytestmark = pytest.mark.django_db


def many_publications(count):
    kenya = Country.objects.get(code="KE")
    theme = Theme.objects.get(slug="gender-equality")
    people = [make_person(), make_person()]
    return [
        make_publication(authors=people, countries=[kenya], themes=[theme], with_file=i == 0)
        for i in range(count)
    ]


def test_library_query_count_is_the_same_for_few_and_many_publications(
    client, django_assert_num_queries
):
    many_publications(2)
    # The words' lexemes, looked up once for the process (core.search.lexemes).
    client.get(url("publications") + "?q=publication")
    # Themes, countries, every facet count (the theme's, with a selection, too) with the page's
    # best matches (pks and ranks), the page, the footer's added pages.
    with django_assert_num_queries(5) as few:
        client.get(url("publications") + "?q=publication&theme=gender-equality")
    many_publications(25)
    with django_assert_num_queries(5):
        response = client.get(url("publications") + "?q=publication&theme=gender-equality")
    assert response.context["page_obj"].paginator.count == 27
    assert few


def test_publication_detail_query_count_is_fixed(client, django_assert_num_queries):
    first = many_publications(3)[0]
    with django_assert_num_queries(9):
        client.get(url("publication", slug=first.slug))
    many_publications(20)
    first.themes.add(Theme.objects.get(slug="human-rights"))
    first.countries.add(Country.objects.get(code="UG"))
    with django_assert_num_queries(9):
        response = client.get(url("publication", slug=first.slug))
    assert len(response.context["related"]) == 4


def test_publication_page_has_citation_meta_tags_and_schema_org_data(client):
    author = make_person(
        given_names="María José", family_name="Zapata", orcid="0000-0002-1825-0097"
    )
    publication = make_publication(
        authors=[author],
        with_file=True,
        doi="10.5281/zenodo.1",
        title_en="Inclusive leadership",
        year=2017,
    )
    text = client.get(url("publication", slug=publication.slug)).text
    assert '<meta name="citation_title" content="Inclusive leadership">' in text
    assert '<meta name="citation_author" content="Zapata, María José">' in text
    assert '<meta name="citation_publication_date" content="2017">' in text
    assert '<meta name="citation_doi" content="10.5281/zenodo.1">' in text
    assert 'name="citation_pdf_url" content="https://portal.example/en/knowledge-centre/' in text
    assert '<meta property="og:type" content="article">' in text
    data = json.loads(text.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["@type"] == "Report" and data["author"][0]["sameAs"].endswith("0000-0002-1825-0097")
    assert "Zapata, M. J. (2017). <cite>Inclusive leadership</cite> (Research report)." in text


def test_json_ld_cannot_be_broken_out_of(client):
    publication = make_publication(title_en="</script><script>alert(1)</script>")
    text = client.get(url("publication", slug=publication.slug)).text
    block = text.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "\\u003c/script\\u003e" in block
    assert "<script>alert(1)" not in text


def test_pdf_is_served_as_pdf_with_its_own_name_never_sniffed(client):
    publication = make_publication(with_file=True, year=2019, slug="country-brief")
    response = client.get(url("publication_pdf", slug=publication.slug))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'inline; filename="icld-2019-country-brief.pdf"'
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    download = client.get(url("publication_pdf", slug=publication.slug) + "?download=1")
    assert download["Content-Disposition"].startswith("attachment;")


def test_head_on_a_pdf_answers_like_get_without_the_file(client):
    publication = make_publication(with_file=True, year=2019, slug="country-brief")
    response = client.head(url("publication_pdf", slug=publication.slug))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="icld-2019-country-brief.pdf"'
    assert b"".join(response.streaming_content) == b""
    for name, kwargs in (
        ("publication_bibtex", {"slug": publication.slug}),
        ("calendar_feed", {}),
        ("library_csv", {}),
    ):
        assert client.head(url(name, **kwargs)).status_code == 200, name
    assert client.post(url("publication_pdf", slug=publication.slug)).status_code == 405


def test_missing_files_give_404_not_500(client):
    publication = make_publication()
    assert client.get(url("publication_pdf", slug=publication.slug)).status_code == 404
    publication.file.name = "knowledge/publications/gone.pdf"
    publication.save(update_fields=["file"])
    assert client.get(url("publication_pdf", slug=publication.slug)).status_code == 404
    assert client.get(url("publication", slug=publication.slug)).status_code == 200


@pytest.mark.parametrize(("language", "alt"), [("sv", "Omslaget"), ("en", "Cover of the report")])
def test_the_cover_is_shown_as_resized_webp_renditions(client, language, alt):
    import re

    from PIL import Image as PILImage

    from core.images import image_create

    picture = PILImage.new("RGB", (1000, 1400), (200, 30, 30))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    cover = image_create(
        file=ContentFile(buffer.getvalue(), name="c.png"), alt_sv="Omslaget", alt_en=alt
    )
    publication = make_publication(cover=cover)
    text = client.get(url("publication", slug=publication.slug, language=language)).text
    [tag] = re.findall(r'<img[^>]*class="cover"[^>]*>', text)
    assert f'alt="{alt}"' in tag and 'width="320"' in tag and 'height="448"' in tag
    srcset = re.search(r'srcset="([^"]*)"', tag).group(1)
    # Never more than twice the 180 px it is shown at; never the 1000 px original.
    assert srcset.endswith("/320.webp 320w") and "/480.webp" not in srcset
    assert "images/" not in tag
    assert client.get(re.search(r'src="([^"]*)"', tag).group(1)).status_code == 200
    assert 'property="og:image" content="' in text and "/og.jpg" in text


def test_citation_downloads(client):
    author = make_person(given_names="Anna", family_name="Öberg")
    publication = make_publication(authors=[author], title_en="Budgets & {braces}", year=2021)
    bib = client.get(url("publication_bibtex", slug=publication.slug))
    assert bib["Content-Type"].startswith("application/x-bibtex")
    assert bib["Content-Disposition"].startswith('attachment; filename="')
    text = bib.content.decode()
    assert text.startswith("@techreport{")
    assert "author = {Öberg, Anna}" in text and r"Budgets \& \{braces\}" in text
    ris = client.get(url("publication_ris", slug=publication.slug))
    assert ris["Content-Type"].startswith("application/x-research-info-systems")
    lines = ris.content.decode().split("\r\n")
    assert lines[0] == "TY  - RPRT" and "AU  - Öberg, Anna" in lines and "ER  - " in lines


def test_library_exports_follow_the_filters(client):
    kenya = Country.objects.get(code="KE")
    make_publication(title_en="In Kenya", countries=[kenya])
    make_publication(title_en="=HYPERLINK(evil)")
    response = client.get(url("library_csv") + "?country=kenya")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [r["title_en"] for r in rows] == ["In Kenya"] and rows[0]["countries"] == "KE"
    everything = b"".join(client.get(url("library_csv")).streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK(evil)" in everything
    data = json.loads(
        b"".join(client.get(url("library_json") + "?country=kenya").streaming_content)
    )
    assert [d["title_en"] for d in data] == ["In Kenya"]
    assert data[0]["url"].startswith("https://portal.example/en/knowledge-centre/publications/")


def test_organisation_selector_and_related_pages(client):
    vara = Organisation.objects.get(slug="vara")
    publication = make_publication(organisations=[vara])
    text = client.get(url("publication", slug=publication.slug)).text
    assert vara.name_en in text


def test_an_english_publication_is_cited_by_its_english_title_on_the_swedish_page(client):
    publication = make_publication(
        title_sv="Inkluderande ledarskap",
        title_en="Inclusive leadership",
        document_languages=["en", "es"],
        with_file=True,
    )
    text = client.get(url("publication", slug=publication.slug, language="sv")).text
    assert '<meta name="citation_title" content="Inclusive leadership">' in text
    assert "Inkluderande ledarskap" in text.split("<h1")[1].split("</h1>")[0]
    assert 'Dokumentets titel: <cite lang="en">Inclusive leadership</cite>' in text
    data = json.loads(text.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["name"] == "Inclusive leadership"
    assert data["alternativeHeadline"] == "Inkluderande ledarskap"
    citation = text.split('class="citation"')[1].split("</blockquote>")[0]
    assert "Inclusive leadership" in citation and "Inkluderande" not in citation
    bib = client.get(url("publication_bibtex", slug=publication.slug, language="sv")).text
    ris = client.get(url("publication_ris", slug=publication.slug, language="sv")).text
    assert "{{Inclusive leadership}}" in bib and "TI  - Inclusive leadership" in ris
    assert "Inkluderande" not in bib + ris


@pytest.mark.parametrize(
    ("language", "names"), [("sv", "engelska, spanska"), ("en", "English, Spanish")]
)
def test_document_languages_are_named_in_the_visitors_language(client, language, names):
    publication = make_publication(document_languages=["en", "es"])
    text = client.get(url("publication", slug=publication.slug, language=language)).text
    facts = text.split('class="facts"')[1].split("</dl>")[0]
    assert names.lower() in facts.lower()
    assert ">es<" not in facts and ", es" not in facts


def test_an_accessible_version_is_asked_of_the_knowledge_team(client):
    publication = make_publication(with_file=True, title_en="Inclusive leadership")
    for language, form in (
        ("sv", "/sv/tillganglighet/rapportera/"),
        ("en", "/en/accessibility/report/"),
    ):
        text = client.get(url("publication", slug=publication.slug, language=language)).text
        link = text.split('class="accessible-version"')[1].split("</a>")[0]
        # The tracked report form, naming the document and the team that owns it.
        assert f'href="{form}?document=Inclusive%20leadership&amp;team=knowledge"' in link
        assert "mailto:" not in link
        page = client.get(f"{form}?document=Inclusive%20leadership&team=knowledge").text
        assert 'name="team" value="knowledge"' in page


def test_a_calls_documents_are_asked_of_the_knowledge_team(client):
    call = make_call()
    document = call.documents.create(title_sv="Utlysningstext", title_en="Call text")
    document.file.save("call.pdf", ContentFile(PDF))
    text = client.get(url("call", slug=call.slug, language="sv")).text
    link = text.split('class="accessible-version"')[1].split("</a>")[0]
    assert "?document=Utlysningstext&amp;team=knowledge" in link


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_pdf_is_labelled_with_the_documents_language_under_either_address(client, language):
    publication = make_publication(with_file=True, document_languages=["en"])
    response = client.get(url("publication_pdf", slug=publication.slug, language=language))
    assert response["Content-Language"] == "en"
    english = url("publication_pdf", slug=publication.slug, language="en")
    assert response["Link"] == f'<https://portal.example{english}>; rel="canonical"'
    head = client.head(url("publication_pdf", slug=publication.slug, language=language))
    assert head.status_code == 200 and head["Content-Language"] == "en"
    swedish = make_publication(with_file=True, document_languages=["sv", "en"])
    response = client.get(url("publication_pdf", slug=swedish.slug, language=language))
    assert response["Content-Language"] == "sv, en"
    assert "/sv/" in response["Link"]
