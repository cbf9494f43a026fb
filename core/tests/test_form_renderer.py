"""The portal's form renderer writes a <select> in Python: byte for byte what Django's
templates write, for any choices, selection and attributes."""

from unittest import mock

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer
from hypothesis import given, settings
from hypothesis import strategies as st

from core.form_renderer import FormRenderer
from reference.forms import CountryThemeFilterForm

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)


def both(widget: forms.Widget, name: str, value, attrs=None) -> tuple[str, str]:
    return (
        widget.render(name, value, attrs, renderer=FormRenderer()),
        widget.render(name, value, attrs, renderer=DjangoTemplates()),
    )


@pytest.mark.parametrize(
    ("widget", "value"),
    [
        (forms.Select(choices=[("", "Alla länder"), ("kenya", "Kenya")]), "kenya"),
        (forms.Select(choices=[]), None),
        (
            forms.Select(
                choices=[("Afrika", [("ke", "Kenya"), ("tz", "Tanzania")]), ("se", "Sverige")],
                attrs={"aria-describedby": "help", "required": True, "disabled": False},
            ),
            "tz",
        ),
        (forms.SelectMultiple(choices=[(1, "Ett"), (2, "Två"), (3, "Tre")]), [1, 3]),
        (forms.NullBooleanSelect(), True),
        (forms.Select(choices=[('a"b', "<b>&amp;</b>"), ("c", "Smith & 'Sons'")]), 'a"b'),
    ],
)
def test_the_same_html_as_djangos_templates(widget, value):
    ours, djangos = both(widget, "field", value, {"id": "id_field", "data-x": None})
    assert ours == djangos


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(TEXT, TEXT), max_size=6), TEXT, TEXT)
def test_any_choices_and_value_give_the_same_html(choices, value, attribute):
    widget = forms.Select(choices=choices, attrs={"title": attribute})
    ours, djangos = both(widget, "f", value)
    assert ours == djangos


def test_every_form_uses_it_and_no_select_template_is_rendered():
    form = CountryThemeFilterForm({"country": "kenya"}, countries=[])
    with mock.patch.object(DjangoTemplates, "render", side_effect=AssertionError):
        html = str(form["theme"].as_widget())
    assert isinstance(get_default_renderer(), FormRenderer)
    assert html.startswith('<select name="theme" id="id_theme">')


def test_a_widget_with_its_own_option_template_keeps_it():
    class Starred(forms.Select):
        option_template_name = "django/forms/widgets/input_option.html"

    widget = Starred(choices=[("a", "A")])
    ours, djangos = both(widget, "f", "a")
    assert ours == djangos
