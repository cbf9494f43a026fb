"""Filters for emails, whose text parts are written as a person would write them."""

from django import template
from django.utils.html import conditional_escape

register = template.Library()


@register.filter(is_safe=True, needs_autoescape=True)
def words(values, autoescape=True) -> str:
    """Objects, labels or lazy strings as words: ``Human rights, Climate`` (never a repr).

    Django's ``join`` gives back the list itself when an item is not a ``str``, which a text
    part then prints as ``['…']``.
    """
    if values is None:
        return ""
    if isinstance(values, str):
        values = [values]
    items = [str(value) for value in values if value not in (None, "")]
    if autoescape:
        items = [conditional_escape(item) for item in items]
    return ", ".join(items)
