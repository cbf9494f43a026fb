"""Formatted text staff write in admin: one allow-list, applied when it is saved and when shown.

A rich-text field is declared with ``RichTextField`` (through ``TranslatedField`` as any
content field): admin shows it in the editor (django-prose-editor, docs/decisions/0005), its
value is cleaned by ``sanitize`` before it is stored, whichever way it is written (a form, a
service, the demo), and the ``rich_text`` template filter cleans it again when it is shown, so
content stored before the editor existed is held to the same rules.

The editor offers exactly what the allow-list keeps: headings (levels 2 to 4, the page has its
own h1), paragraphs, lists, links, bold and italic, block quotes, simple tables with a header
row, and figures (an image from the image library with a caption).
"""

from __future__ import annotations

import json
import re

import nh3
from django import forms
from django.db import models
from django.forms.widgets import Script
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.html import linebreaks
from django.utils.text import format_lazy
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

RICH_TEXT_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "a",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "abbr",
    "cite",
    "q",
    "sub",
    "sup",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "figure",
    "figcaption",
    "img",
    # A passage in the other language (WCAG 3.1.2): the editor's language mark writes
    # <span lang="en"> in Swedish text and <span lang="sv"> in English text.
    "span",
}
RICH_TEXT_ATTRIBUTES = {
    "a": {"href", "title", "hreflang", "lang"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
    # data-file is the image library's id, which the editor's image picker sets: shown, the
    # image is replaced by its renditions (core.images.render_rich_text_images).
    "img": {"src", "alt", "width", "height", "data-file"},
    "*": {"lang"},
}
URL_SCHEMES = {"http", "https", "mailto"}

_LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def _attribute_value(tag: str, attribute: str, value: str) -> str | None:
    """A lang attribute must name a language ("en", "sv-SE"): anything else is dropped."""
    if attribute == "lang" and not _LANGUAGE_TAG.match(value):
        return None
    return value


_cleaner = nh3.Cleaner(
    tags=RICH_TEXT_TAGS,
    attributes=RICH_TEXT_ATTRIBUTES,
    attribute_filter=_attribute_value,
    url_schemes=URL_SCHEMES,
    link_rel="noopener noreferrer",
)
_SPAN_TAG = re.compile(r"<span(\s[^>]*)?>|</span>")


def _without_bare_spans(html: str) -> str:
    """A span is kept only for its language: one without attributes (pasted styling) goes,
    its text stays."""
    kept: list[bool] = []
    out, position = [], 0
    for match in _SPAN_TAG.finditer(html):
        out.append(html[position : match.start()])
        position = match.end()
        if match.group(0) == "</span>":
            if kept and kept.pop():
                out.append(match.group(0))
        else:
            keep = bool(match.group(1))
            kept.append(keep)
            if keep:
                out.append(match.group(0))
    out.append(html[position:])
    return "".join(out)


# What the editor leaves in a field nobody wrote in: one empty paragraph.
_EMPTY = re.compile(r"^\s*(<p>\s*(<br>)?\s*</p>\s*)*$")
_BLOCK_TAG = re.compile(r"<(p|ul|ol|h[1-6]|blockquote|table|div|figure)\b", re.IGNORECASE)


def sanitize(html: str | None) -> str:
    """The allow-list above, applied to staff-written HTML; an empty editor gives ``""``."""
    cleaned = _cleaner.clean(str(html or ""))
    if "<span" in cleaned:
        cleaned = _without_bare_spans(cleaned)
    return "" if _EMPTY.match(cleaned) else cleaned


def is_plain_text(text: str) -> bool:
    """Text typed before the editor existed: no block elements, paragraphs by blank lines."""
    return not _BLOCK_TAG.search(text or "")


def as_paragraphs(text: str) -> str:
    """Plain text as HTML paragraphs (its HTML-special characters escaped); HTML unchanged."""
    return linebreaks(text) if text and is_plain_text(text) else (text or "")


# The editor's extensions (django-prose-editor's names): what ICLD writes, nothing more.
EDITOR_EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": sorted(URL_SCHEMES)},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "Figure": True,
    "Image": True,
    "Caption": True,
}


# The editor's own words (django-prose-editor ships no Swedish): its dialogs ask window.gettext,
# its toolbar shows English titles. The widget hands these translations to our module, which
# adds them to admin's JavaScript catalogue and retitles the toolbar.
EDITOR_STRINGS = [
    pgettext_lazy("rich-text editor", "Add caption"),
    pgettext_lazy("rich-text editor", "Alternative Text"),
    pgettext_lazy("rich-text editor", "Browse..."),
    pgettext_lazy("rich-text editor", "Bullets"),
    pgettext_lazy("rich-text editor", "Cancel"),
    pgettext_lazy("rich-text editor", "Caption"),
    pgettext_lazy("rich-text editor", "Columns"),
    pgettext_lazy("rich-text editor", "Decimal numbers"),
    pgettext_lazy("rich-text editor", "Edit Figure"),
    pgettext_lazy("rich-text editor", "Edit Image"),
    pgettext_lazy("rich-text editor", "Edit Link"),
    pgettext_lazy("rich-text editor", "Image URL"),
    pgettext_lazy("rich-text editor", "Include header row"),
    pgettext_lazy("rich-text editor", "Insert Figure"),
    pgettext_lazy("rich-text editor", "Insert Table"),
    pgettext_lazy("rich-text editor", "Insert"),
    pgettext_lazy("rich-text editor", "List properties"),
    pgettext_lazy("rich-text editor", "List type"),
    pgettext_lazy("rich-text editor", "Lowercase Roman numerals"),
    pgettext_lazy("rich-text editor", "Lowercase letters"),
    pgettext_lazy("rich-text editor", "Uppercase Roman numerals"),
    pgettext_lazy("rich-text editor", "Uppercase letters"),
    pgettext_lazy("rich-text editor", "Open in new window"),
    pgettext_lazy("rich-text editor", "Remove caption"),
    pgettext_lazy("rich-text editor", "Rows"),
    pgettext_lazy("rich-text editor", "Start at"),
    pgettext_lazy("rich-text editor", "Table Properties"),
    pgettext_lazy("rich-text editor", "Title"),
    pgettext_lazy("rich-text editor", "Update"),
    pgettext_lazy("rich-text editor", "URL"),
    pgettext_lazy("rich-text editor", "bold"),
    pgettext_lazy("rich-text editor", "italic"),
    pgettext_lazy("rich-text editor", "unordered list"),
    pgettext_lazy("rich-text editor", "ordered list"),
    pgettext_lazy("rich-text editor", "blockquote"),
    pgettext_lazy("rich-text editor", "figure"),
    pgettext_lazy("rich-text editor", "insert link"),
    pgettext_lazy("rich-text editor", "remove link"),
    pgettext_lazy("rich-text editor", "paragraph"),
    pgettext_lazy("rich-text editor", "Paragraph"),
    pgettext_lazy("rich-text editor", "Heading 2"),
    pgettext_lazy("rich-text editor", "Heading 3"),
    pgettext_lazy("rich-text editor", "Heading 4"),
    pgettext_lazy("rich-text editor", "heading 2"),
    pgettext_lazy("rich-text editor", "heading 3"),
    pgettext_lazy("rich-text editor", "heading 4"),
    pgettext_lazy("rich-text editor", "undo"),
    pgettext_lazy("rich-text editor", "redo"),
    pgettext_lazy("rich-text editor", "Insert table"),
    pgettext_lazy("rich-text editor", "Merge cells"),
    pgettext_lazy("rich-text editor", "Split cell"),
    # Our own language mark (static/admin-icld/richtext.js).
    pgettext_lazy("rich-text editor", "Mark as English"),
    pgettext_lazy("rich-text editor", "Mark as Swedish"),
]


def editor_labels() -> dict[str, str]:
    """{the editor's English: the active language's}."""
    with translation.override("en"):
        english = [str(text) for text in EDITOR_STRINGS]
    return dict(zip(english, (str(text) for text in EDITOR_STRINGS), strict=True))


class RichTextWidget(forms.Textarea):
    """The editor on a textarea, started by our own module (static/admin-icld/richtext.js).

    django-prose-editor's own widget writes an inline import map, which the site's CSP
    refuses; our module imports the editor by its path instead and never injects styles (its base
    styles are in static/admin-icld/admin.css).
    """

    template_name = "django/forms/widgets/textarea.html"

    def __init__(self, attrs=None, *, picker_url: str = ""):
        super().__init__(attrs)
        self.picker_url = picker_url

    class Media:
        css = {
            "all": [
                "django_prose_editor/material-icons.css",
                "django_prose_editor/editor.css",
                "django_prose_editor/overrides.css",
            ]
        }
        js = [Script("admin-icld/richtext.js", type="module")]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        config = {"extensions": EDITOR_EXTENSIONS, "pickerUrl": str(self.picker_url)}
        context["widget"]["attrs"]["data-rich-text"] = json.dumps(config, separators=(",", ":"))
        if get_language() != "en":
            labels = json.dumps(editor_labels(), separators=(",", ":"), ensure_ascii=False)
            context["widget"]["attrs"]["data-rich-text-labels"] = labels
        context["widget"]["attrs"].setdefault("class", "vLargeTextField rich-text-source")
        return context

    def format_value(self, value):
        # Text typed before the editor existed opens as paragraphs, not one run-on line.
        return as_paragraphs(super().format_value(value) or "")

    def use_required_attribute(self, initial):
        # The textarea is hidden behind the editor: the browser could not point at it.
        return False


class RichTextFormField(forms.CharField):
    widget = RichTextWidget

    def clean(self, value):
        return sanitize(super().clean(value))


class RichTextField(models.TextField):
    """A TextField whose value is sanitised on every save and edited in the rich-text editor.

    It is a plain text column in the database (``deconstruct`` names TextField), so changing a
    field to it needs no migration.
    """

    def pre_save(self, model_instance, add):
        value = sanitize(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.TextField", args, kwargs

    def formfield(self, **kwargs):
        # Admin asks for its own textarea for every TextField (formfield_overrides); the
        # editor takes its place unless a form chose another rich-text widget.
        widget = kwargs.get("widget")
        if not (widget and _is_rich_text_widget(widget)):
            # The image picker offers alternative texts in the language of this column.
            language = self.name.rsplit("_", 1)[-1] if self.name else ""
            picker = format_lazy("{}?lang={}", reverse_lazy("admin:core_image_picker"), language)
            kwargs["widget"] = RichTextWidget(picker_url=picker)
        return super().formfield(**{"form_class": RichTextFormField, **kwargs})


def _is_rich_text_widget(widget) -> bool:
    return (
        issubclass(widget, RichTextWidget)
        if isinstance(widget, type)
        else isinstance(widget, RichTextWidget)
    )


RICH_TEXT_HELP = _(
    "Formatted text: headings, lists, links, quotes, tables and images from the image library. "
    "Pasted text keeps its structure and loses its styles."
)
