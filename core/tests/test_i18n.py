"""The bilingual contract: the fallback rule, language-prefixed URLs and the Swedish catalogue."""

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from core.i18n import available_languages, fallback_expression
from core.models import Page
from reference.models import Theme


def make_theme(**names):
    return Theme(slug="t", **{"name_sv": "", "name_en": "", **names})


@pytest.mark.parametrize(
    ("names", "language", "expected", "expected_lang", "is_fallback"),
    [
        (
            {"name_sv": "Jämställdhet", "name_en": "Gender equality"},
            "sv",
            "Jämställdhet",
            "sv",
            False,
        ),
        (
            {"name_sv": "Jämställdhet", "name_en": "Gender equality"},
            "en",
            "Gender equality",
            "en",
            False,
        ),
        ({"name_sv": "Jämställdhet"}, "en", "Jämställdhet", "sv", True),
        ({"name_en": "Gender equality"}, "sv", "Gender equality", "en", True),
        ({}, "en", "", "en", False),
    ],
)
def test_titles_fall_back_to_the_other_language_and_know_their_language(
    names, language, expected, expected_lang, is_fallback
):
    theme = make_theme(**names)
    with translation.override(language):
        assert theme.name == expected
        assert theme.name.lang == expected_lang
        assert theme.name.is_fallback is is_fallback


def test_texts_with_legal_weight_never_fall_back():
    page = Page(key=Page.Key.PRIVACY, title_sv="Personuppgifter", body_sv="<p>Juridisk text</p>")
    with translation.override("en"):
        assert page.localized_body() == ""
        assert page.meta_description == ""
    with translation.override("sv"):
        assert page.localized_body() == "<p>Juridisk text</p>"


def test_ordinary_page_bodies_fall_back():
    page = Page(key=Page.Key.ABOUT, title_sv="Om", body_sv="<p>Text</p>")
    with translation.override("en"):
        assert page.localized_body() == "<p>Text</p>"
        assert page.localized_body().lang == "sv"


def test_available_languages_lists_only_complete_translations():
    theme = make_theme(name_sv="Jämställdhet")
    assert available_languages(theme, ("name",)) == ["sv"]
    theme.name_en = "Gender equality"
    assert available_languages(theme, ("name",)) == ["sv", "en"]


def test_fallback_text_is_marked_with_its_own_lang_attribute():
    template = Template("{% load portal %}<h1{{ theme.name|lang_attr }}>{{ theme.name }}</h1>")
    theme = make_theme(name_sv="Jämställdhet")
    with translation.override("en"):
        assert template.render(Context({"theme": theme})) == '<h1 lang="sv">Jämställdhet</h1>'
    with translation.override("sv"):
        assert template.render(Context({"theme": theme})) == "<h1>Jämställdhet</h1>"


def test_rich_text_is_sanitised():
    template = Template("{% load portal %}{{ html|rich_text }}")
    html = '<p onclick="x()">Hej <script>alert(1)</script><a href="javascript:alert(1)">l</a></p>'
    rendered = template.render(Context({"html": html}))
    assert "script" not in rendered
    assert "onclick" not in rendered
    assert "javascript:" not in rendered
    assert rendered.startswith("<p>Hej")


def test_url_path_segments_are_translated():
    with translation.override("sv"):
        assert reverse("partnerships:index") == "/sv/kommunala-partnerskap/"
        assert reverse("core:privacy") == "/sv/personuppgifter/"
    with translation.override("en"):
        assert reverse("partnerships:index") == "/en/municipal-partnerships/"
        assert reverse("core:privacy") == "/en/privacy/"


def test_swedish_catalogue_is_compiled_and_used():
    with translation.override("sv"):
        assert translation.gettext("Skip to main content") == "Gå direkt till huvudinnehållet"


def test_items_say_which_languages_they_exist_in():
    template = Template('{% load portal %}{% languages_available theme "name" %}')
    compact = Template('{% load portal %}{% languages_available theme "name" compact=True %}')
    swedish_only = make_theme(name_sv="Jämställdhet")
    both = make_theme(name_sv="Jämställdhet", name_en="Gender equality")
    with translation.override("en"):
        assert "Available in: Swedish" in template.render(Context({"theme": swedish_only}))
        assert "Available in: Swedish, English" in template.render(Context({"theme": both}))
        assert "Only in Swedish" in compact.render(Context({"theme": swedish_only}))
        assert compact.render(Context({"theme": both})).strip() == ""
    with translation.override("sv"):
        assert "Finns på: svenska, engelska" in template.render(Context({"theme": both}))


def test_cells_of_staff_written_tables_carry_their_column_heading():
    # On a phone each row becomes a card; the heading is shown before each value.
    template = Template("{% load portal %}{{ html|rich_text }}")
    html = (
        "<table><thead><tr><th>Formulär</th><th>Vi sparar &amp; varför</th></tr></thead>"
        '<tbody><tr><th scope="row">Tillgänglighet</th><td onclick="x()">E-post</td></tr>'
        "</tbody></table>"
    )
    rendered = template.render(Context({"html": html}))
    assert '<td data-label="Vi sparar &amp; varför">E-post</td>' in rendered
    assert "onclick" not in rendered


def test_a_table_inside_a_cell_keeps_both_tables_headings_apart():
    template = Template("{% load portal %}{{ html|rich_text }}")
    inner = "<table><tr><th>X</th><th>Y</th></tr><tr><td>x</td><td>y</td></tr></table>"
    html = f"<table><tr><th>A</th><th>B</th></tr><tr><td>{inner}</td><td>b</td></tr></table>"
    rendered = template.render(Context({"html": html}))
    assert '<td data-label="Y">y</td>' in rendered
    assert '<td data-label="B">b</td>' in rendered


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language,expected",
    [
        ("sv", ["Bara svenska", "Svenska", "Svenska"]),
        ("en", ["Bara svenska", "English", "Only English"]),
    ],
)
def test_the_fallback_expression_follows_the_written_rule_in_sql(language, expected):
    """core.i18n.fallback_expression: the language asked for, else the other one."""
    Theme.objects.all().delete()
    Theme.objects.create(slug="a", name_sv="Bara svenska", name_en="")
    Theme.objects.create(slug="b", name_sv="Svenska", name_en="English")
    Theme.objects.create(slug="c", name_sv="Svenska", name_en="Only English")
    values = list(
        Theme.objects.order_by("slug")
        .annotate(shown=fallback_expression("name", language))
        .values_list("shown", flat=True)
    )
    assert values == expected
