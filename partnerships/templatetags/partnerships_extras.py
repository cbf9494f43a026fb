import re

from django import template
from django.utils.html import linebreaks
from django.utils.safestring import mark_safe

register = template.Library()

BLOCK_TAG = re.compile(r"<(p|ul|ol|h[1-6]|blockquote|table|div)\b", re.IGNORECASE)


@register.filter
def linebreaks_if_plain(value) -> str:
    """Paragraphs for text typed without HTML; HTML is left as it is.

    Use after ``rich_text``: the value is already sanitised, so it is not escaped again.
    """
    text = str(value or "")
    if BLOCK_TAG.search(text):
        return mark_safe(text)
    return mark_safe(linebreaks(text, autoescape=False))
