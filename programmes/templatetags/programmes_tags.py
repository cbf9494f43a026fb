"""Template helpers for the programme pages."""

from django import template
from django.utils.translation import ngettext

register = template.Library()


@register.simple_tag
def date_input(field, autofocus=False):
    """A date field's input, described by its error message when it has one."""
    attrs = {}
    if field.errors:
        attrs["aria-invalid"] = "true"
        attrs["aria-describedby"] = f"{field.auto_id}_error"
        attrs["class"] = "is-invalid"
    if autofocus:
        attrs["autofocus"] = True
    return field.as_widget(attrs=attrs)


@register.filter
def date_span(start, end) -> str:
    """“3–14 September 2027”, “28 August – 5 September 2027” or across years in full."""
    from django.utils.formats import date_format

    if not start or not end:
        return ""
    if start == end:
        return date_format(start, "j F Y")
    if start.year != end.year:
        return f"{date_format(start, 'j F Y')} – {date_format(end, 'j F Y')}"
    if start.month != end.month:
        return f"{date_format(start, 'j F')} – {date_format(end, 'j F Y')}"
    return f"{start.day}–{date_format(end, 'j F Y')}"


@register.filter
def months(value) -> str:
    if not value:
        return ""
    return ngettext("%(count)d month", "%(count)d months", value) % {"count": value}
