"""The renderer of every form's widgets (``FORM_RENDERER``).

Django's own, except for a ``<select>``: Django renders a template for the element, one for
each option and one for each option's attributes, about 30 µs an option. The lists' filters
(forty countries and themes) and the forms that offer every Swedish municipality or region
(290 options) spent more on that than on the rest of the form. Here the same HTML is
written in Python from the same context the templates get: choices, selection, ``id`` and
ARIA attributes stay Django's. Tests compare the two outputs (core/tests/test_form_renderer.py).
If a project template ever replaces Django's ``select.html`` or ``select_option.html``, that
template is used instead.
"""

from __future__ import annotations

from pathlib import Path

import django
from django.forms.renderers import DjangoTemplates
from django.utils.functional import cached_property
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"
DJANGO_TEMPLATES = Path(django.__file__).parent / "forms" / "templates"


def attributes_html(attrs: dict) -> str:
    """As ``django/forms/widgets/attrs.html`` writes them: ``False`` left out, ``True`` bare."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        else:
            parts.append(f' {conditional_escape(name)}="{conditional_escape(str(value))}"')
    return "".join(parts)


def select_html(widget: dict) -> SafeString:
    """The ``<select>`` Django's ``select.html`` would render for this widget context."""
    parts = [format_html('<select name="{}"', widget["name"]), attributes_html(widget["attrs"])]
    parts.append(">")
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(format_html('\n  <optgroup label="{}">', group_name))
        for option in options:
            parts.append(
                format_html(
                    '\n  <option value="{}"{}>{}</option>\n',
                    str(option["value"]),
                    mark_safe(attributes_html(option["attrs"])),
                    option["label"],
                )
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return mark_safe("".join(parts))


class FormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        widget = context.get("widget") if template_name == SELECT else None
        if (
            widget is not None
            and self._select_is_djangos
            and all(
                option["template_name"] == OPTION
                for _name, options, _index in widget["optgroups"]
                for option in options
            )
        ):
            return select_html(widget)
        return super().render(template_name, context, request)

    @cached_property
    def _select_is_djangos(self) -> bool:
        return all(
            Path(self.get_template(name).origin.name).is_relative_to(DJANGO_TEMPLATES)
            for name in (SELECT, OPTION)
        )
