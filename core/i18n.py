"""Content in two languages: paired columns and one written fallback rule.

Every translatable content field is declared once::

    title = TranslatedField(models.CharField, _("title"), max_length=200)

which adds the real columns ``title_sv`` and ``title_en`` and makes
``obj.title`` return the text in the active language.

The fallback rule, per field (``fallback=`` on the declaration):

* ``fallback=True`` (titles, summaries, bodies, alt texts): when the active
  language is empty, the other language's text is shown, and the value knows
  its own language so templates mark it with ``lang="…"``. A page is never empty
  because one translation is missing.
* ``fallback=False`` (texts with legal weight, such as consent wording and the
  privacy notice, and SEO descriptions): the active language or nothing. A
  visitor never agrees to, or a search engine never indexes, words in a
  language the page does not claim.

Swedish is the source language: ``required=("sv",)`` by default, so a content
item always has at least its Swedish text.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce, NullIf
from django.utils.text import format_lazy
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

LANGUAGE_CODES: tuple[str, ...] = tuple(code for code, _name in settings.LANGUAGES)
LANGUAGE_LABELS = {"sv": _("Swedish"), "en": _("English")}
# The language in a field's name, "title (Swedish)": Swedish writes it in lower case there
# ("titel (svenska)").
FIELD_LANGUAGE_LABELS = {
    "sv": pgettext_lazy("in a field name", "Swedish"),
    "en": pgettext_lazy("in a field name", "English"),
}


def active_language() -> str:
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    return language if language in LANGUAGE_CODES else settings.LANGUAGE_CODE


class LocalizedText(str):
    """A string that remembers which language it is written in."""

    lang: str
    is_fallback: bool

    def __new__(cls, value: str, lang: str, is_fallback: bool = False):
        text = super().__new__(cls, value)
        text.lang = lang
        text.is_fallback = is_fallback
        return text


def localize(
    obj, field: str, *, fallback: bool = True, language: str | None = None
) -> LocalizedText:
    """Return ``obj.<field>_<lang>`` for the active language, applying the fallback rule."""
    language = language or active_language()
    value = getattr(obj, f"{field}_{language}", "") or ""
    if value or not fallback:
        return LocalizedText(value, language)
    for other in LANGUAGE_CODES:
        if other != language:
            other_value = getattr(obj, f"{field}_{other}", "") or ""
            if other_value:
                return LocalizedText(other_value, other, is_fallback=True)
    return LocalizedText("", language)


class _TranslatedDescriptor:
    def __init__(self, name: str, fallback: bool):
        self.name = name
        self.fallback = fallback

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return localize(instance, self.name, fallback=self.fallback)


class TranslatedField:
    """Declare a content field once; get one column per language plus a localized accessor."""

    def __init__(
        self,
        field_class: type[models.Field],
        verbose_name,
        *args,
        fallback: bool = True,
        required: tuple[str, ...] = ("sv",),
        **kwargs,
    ):
        self.fallback = fallback
        self.verbose_name = verbose_name
        # The columns are built here, not in contribute_to_class, so they keep their
        # place in the model's field order (Django orders fields by creation).
        self.fields: dict[str, models.Field] = {}
        for code in LANGUAGE_CODES:
            field_kwargs = dict(kwargs)
            if code not in required:
                field_kwargs["blank"] = True
                if field_class in (models.CharField, models.SlugField) or issubclass(
                    field_class, models.TextField
                ):
                    field_kwargs.setdefault("default", "")
            self.fields[code] = field_class(
                format_lazy("{} ({})", verbose_name, FIELD_LANGUAGE_LABELS[code]),
                *args,
                **field_kwargs,
            )

    def contribute_to_class(self, cls, name: str) -> None:
        for code, field in self.fields.items():
            field.contribute_to_class(cls, f"{name}_{code}")
        setattr(cls, name, _TranslatedDescriptor(name, self.fallback))
        cls._translated_fields = {**getattr(cls, "_translated_fields", {}), name: self.fallback}


def fallback_expression(field_name: str, language: str) -> Coalesce:
    """SQL for ``<field>`` in ``language``, or in the other languages where it is empty: the
    fallback rule above, for ordering, annotating and searching in the database."""
    others = [code for code in LANGUAGE_CODES if code != language]
    return Coalesce(
        NullIf(models.F(f"{field_name}_{language}"), models.Value("")),
        *(models.F(f"{field_name}_{code}") for code in others),
        output_field=models.TextField(),
    )


def translate_field_label(label: str) -> str:
    """A field label stored in English ("title (Swedish)", as Django's admin history keeps
    them) in the active language: the field's name and the language each translated."""
    from django.utils.text import capfirst
    from django.utils.translation import gettext, pgettext

    def name(text: str) -> str:
        # Django stores a form's label, the verbose name with a capital ("Date" for "date").
        translated = gettext(text)
        if translated == text and text[:1].isupper():
            translated = capfirst(gettext(text[:1].lower() + text[1:]))
        return translated

    for english in ("Swedish", "English"):
        suffix = f" ({english})"
        if label.endswith(suffix):
            return f"{name(label.removesuffix(suffix))} ({pgettext('in a field name', english)})"
    return name(label)


def translated_names(field: str) -> list[str]:
    """``["title_sv", "title_en"]``: for admin fieldsets, search fields and forms."""
    return [f"{field}_{code}" for code in LANGUAGE_CODES]


def available_languages(obj, fields: tuple[str, ...]) -> list[str]:
    """The languages in which every one of ``fields`` is filled in."""
    return [
        code
        for code in LANGUAGE_CODES
        if all(getattr(obj, f"{field}_{code}", "") for field in fields)
    ]
