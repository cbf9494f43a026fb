"""WCAG 3.1.2: text shown in the other language because the page's language is missing (the
fallback) is marked with that language, on every kind of page, so a screen reader switches
voice. Content here is written in Swedish only and read on the English pages."""

from html.parser import HTMLParser

import pytest

from knowledge.tests.factories import make_call, make_event, make_publication
from partnerships.tests import factories as kp

pytestmark = pytest.mark.django_db

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip


class _TextLanguages(HTMLParser):
    """Every piece of text in <main> with the language it is in (its nearest lang attribute)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.texts: list[tuple[str, str]] = []

    def language(self) -> str:
        return next((lang for _tag, lang in reversed(self.stack) if lang), "")

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if data.strip() and any(tag == "main" for tag, _ in self.stack):
            self.texts.append((data.strip(), self.language()))


def languages_of(html: str, needle: str) -> set[str]:
    parser = _TextLanguages()
    parser.feed(html)
    return {lang for text, lang in parser.texts if needle in text}


def swedish_only_pages():
    partnership = kp.partnership(
        title_en="", summary_sv="Barn som lämnas kvar får stöd i skolan.", summary_en=""
    )
    story = kp.story(
        partnerships=[partnership], title_en="", lead_en="", body_en="",
        lead_sv="Ungdomsrådet blev permanent.", body_sv="<p>Rådet träffades varje månad.</p>",
    )  # fmt: skip
    event = make_event(title_en="", summary_sv="Ett seminarium om medborgardialog.", summary_en="")
    call = make_call(title_en="", description_sv="<p>Forskare söker medel för fältstudier.</p>")
    publication = make_publication(
        title_en="", abstract_sv="En rapport om lokal demokrati i Kenya.", abstract_en=""
    )
    return [
        (partnership.get_absolute_url(), partnership.title_sv),
        (partnership.get_absolute_url(), "Barn som lämnas kvar"),
        (story.get_absolute_url(), story.title_sv),
        (story.get_absolute_url(), "Ungdomsrådet blev permanent"),
        (story.get_absolute_url(), "Rådet träffades varje månad"),
        (event.get_absolute_url(), event.title_sv),
        (event.get_absolute_url(), "Ett seminarium om medborgardialog"),
        (call.get_absolute_url(), call.title_sv),
        (call.get_absolute_url(), "Forskare söker medel"),
        (publication.get_absolute_url(), publication.title_sv),
        (publication.get_absolute_url(), "En rapport om lokal demokrati"),
        ("/en/knowledge-centre/events/", event.title_sv),
        ("/en/knowledge-centre/research-calls/", call.title_sv),
        ("/en/knowledge-centre/publications/", publication.title_sv),
        ("/en/municipal-partnerships/partnerships/", partnership.title_sv),
    ]


def test_swedish_text_on_an_english_page_is_marked_swedish(client):
    from django.utils import translation

    with translation.override("en"):
        pages = swedish_only_pages()
    unmarked = []
    for path, text in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        languages = languages_of(response.content.decode(), text)
        assert languages, f"{text!r} is not on {path}"
        if languages != {"sv"}:
            unmarked.append(f"{path}: {text!r} read as {sorted(languages)}")
    assert not unmarked, "\n".join(unmarked)
