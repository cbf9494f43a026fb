"""Formatted text: the editor on every formatted field, one sanitiser on save and on display."""

import re

import pytest
from django.template import Context, Template
from django.urls import reverse

from core.models import Page
from core.richtext import RichTextField, sanitize
from partnerships.models import Partnership, Story
from partnerships.tests import factories
from programmes.models import Programme

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p style="color:red" class="MsoNormal" onclick="x()">Hej <script>alert(1)</script>'
    '<a href="javascript:alert(1)">länk</a> <span style="font-size:14pt">text</span></p>'
    '<h2 id="x">Rubrik</h2><img src="x" onerror="alert(1)">'
)


def test_the_sanitiser_keeps_what_the_editor_offers_and_drops_the_rest():
    kept = (
        "<h2>Rubrik</h2><h3>Under</h3><p><strong>Fet</strong> och <em>kursiv</em> "
        '<a href="https://icld.se" rel="noopener noreferrer">länk</a></p><ul><li>a</li></ul>'
        "<ol><li>b</li></ol><blockquote><p>Citat</p></blockquote>"
        "<table><tbody><tr><th>Rubrik</th></tr><tr><td>Cell</td></tr></tbody></table>"
    )
    assert sanitize(kept) == kept
    cleaned = sanitize(HOSTILE)
    for gone in ("style", "class", "onclick", "script", "javascript:", "onerror", 'id="x"'):
        assert gone not in cleaned
    assert "<span" not in cleaned and "text" in cleaned
    assert cleaned.startswith("<p>Hej ")


def test_an_empty_editor_stores_an_empty_field():
    assert sanitize("<p></p>") == ""
    assert sanitize("<p><br></p>") == ""
    assert sanitize(None) == ""


def test_every_formatted_field_is_rich_text():
    formatted = {
        Story: ["body"],
        Partnership: ["goals", "results"],
        Programme: ["aim", "target_group", "format_description", "how_to_apply"],
        Page: ["body"],
    }
    for model, fields in formatted.items():
        for name in fields:
            for language in ("sv", "en"):
                field = model._meta.get_field(f"{name}_{language}")
                assert isinstance(field, RichTextField), f"{model.__name__}.{name}_{language}"


def test_what_is_saved_is_sanitised_whichever_way_it_is_written():
    story = factories.story(
        partnerships=[factories.partnership()], body_sv=HOSTILE, body_en="<p>Fine</p>"
    )
    story.refresh_from_db()
    assert "script" not in story.body_sv
    assert "style=" not in story.body_sv
    assert story.body_en == "<p>Fine</p>"


def test_text_written_before_the_editor_keeps_its_paragraphs_when_shown():
    template = Template("{% load portal %}{{ text|rich_text }}")
    rendered = template.render(Context({"text": "Första stycket.\n\nAndra & sista."}))
    assert rendered == "<p>Första stycket.</p>\n\n<p>Andra &amp; sista.</p>"
    assert template.render(Context({"text": ""})) == ""


def test_admin_shows_the_editor_on_formatted_fields_only(staff_client):
    story = factories.story(partnerships=[factories.partnership()], body_sv="Gammal text.")
    response = staff_client.get(reverse("admin:partnerships_story_change", args=[story.pk]))
    html = response.text
    body = re.search(r"<textarea[^>]*name=\"body_sv\"[^>]*>(.*?)</textarea>", html, re.S)
    assert body and "data-rich-text" in body.group(0)
    # Plain text opens in the editor as a paragraph.
    assert "&lt;p&gt;Gammal text.&lt;/p&gt;" in body.group(1)
    lead = re.search(r"<textarea[^>]*name=\"lead_sv\"[^>]*>", html)
    assert "data-rich-text" not in lead.group(0)
    # Our module starts the editor: no inline import map or script, which the CSP refuses.
    assert '<script src="/static/admin-icld/richtext.js" type="module">' in html
    assert "importmap" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", html)


def test_what_staff_save_in_admin_is_sanitised(staff_client):
    story = factories.story(partnerships=[factories.partnership()])
    url = reverse("admin:partnerships_story_change", args=[story.pk])
    response = staff_client.get(url)
    form = response.context["adminform"].form
    data = {
        name: form[name].value() or ""
        for name in form.fields
        if name not in ("image", "partnerships")
    }
    data.update(
        body_sv=HOSTILE,
        partnerships=[p.pk for p in story.partnerships.all()],
        date="2024-01-05",
        is_published="on",
        _save="Spara",
    )
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    story.refresh_from_db()
    assert "script" not in story.body_sv and "onclick" not in story.body_sv
    assert "<h2>Rubrik</h2>" in story.body_sv


def test_a_passage_in_the_other_language_keeps_its_language_and_nothing_else():
    marked = '<p>Programmet: <span lang="en">Welcome and introductions</span></p>'
    assert sanitize(marked) == marked
    nested = '<p><span lang="en">One <span>two</span> <span lang="sv">tre</span></span></p>'
    assert sanitize(nested) == '<p><span lang="en">One two <span lang="sv">tre</span></span></p>'
    assert sanitize('<p><span lang="x onmouseover=a()">Hej</span></p>') == "<p>Hej</p>"
    assert sanitize('<p lang="en&quot;">Hi</p>') == "<p>Hi</p>"


def test_a_marked_passage_reaches_the_public_page_marked(client):
    story = factories.story(
        partnerships=[factories.partnership()],
        body_sv='<p>Vi sa <span lang="en">thank you</span> till alla.</p>',
    )
    html = client.get(story.get_absolute_url()).content.decode()
    assert '<span lang="en">thank you</span>' in html
