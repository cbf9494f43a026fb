"""Search building blocks every app shares: the one cleaner for what visitors type, the
text-search configuration per language, and how an app offers its content to site search.

An app offers a kind of content to the site search (``portal.search``) by registering a
``SearchSource`` in its contributions module (``core.registries.search_sources``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.postgres.search import SearchVector
from django.db.models import F, QuerySet, TextField, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import Coalesce, NullIf
from django.utils.functional import Promise

from core.i18n import LANGUAGE_CODES

# PostgreSQL text-search configurations for the portal's languages.
CONFIGS = {"sv": "swedish", "en": "english"}
MAX_QUERY_LENGTH = 200


def clean_query(value: str | None, *, max_length: int = MAX_QUERY_LENGTH) -> str:
    """Printable characters only, single spaces, at most ``max_length`` characters: any input
    is safe to search with, to show and to put in a link."""
    text = "".join(ch if ch.isprintable() else " " for ch in value or "")
    return " ".join(text.split())[:max_length]


def translated_text(field_name: str, language: str) -> Coalesce:
    """SQL for ``<field>`` in ``language``, or the other language where it is empty: the same
    fallback rule the pages follow (core.i18n)."""
    others = [code for code in LANGUAGE_CODES if code != language]
    return Coalesce(
        NullIf(F(f"{field_name}_{language}"), Value("")),
        *(F(f"{field_name}_{code}") for code in others),
        output_field=TextField(),
    )


def weighted_vector(language: str, primary: str, *secondary: str) -> SearchVector:
    """A text-search vector of translated fields: the first weighs most (A), then B, C, D."""
    config = CONFIGS[language]
    vector = SearchVector(translated_text(primary, language), config=config, weight="A")
    for weight, name in zip("BCD", secondary, strict=False):
        vector += SearchVector(translated_text(name, language), config=config, weight=weight)
    return vector


@dataclass(frozen=True)
class SearchSource:
    """One kind of content in the site search.

    ``queryset()`` gives what may be found (published rows only); ``vector(language)`` the
    expression to match against (``F("search_vector")`` for a stored one); ``bilingual_vector``
    says the stored vector holds both languages, so the query also matches unstemmed words;
    ``more_url(query)`` is the page that lists every match (the query URL-encoded, or "").
    """

    key: str
    label: str | Promise
    queryset: Callable[[], QuerySet]
    vector: Callable[[str], Combinable]
    more_url: Callable[[str], str]
    bilingual_vector: bool = False


def stored_vector(language: str) -> Combinable:
    """For sources that keep an indexed ``search_vector`` column."""
    return F("search_vector")
