"""Search building blocks every app shares: the one cleaner for what visitors type, the
text-search configuration per language, and how an app offers its content to site search.

An app offers a kind of content to the site search (``portal.search``) by registering a
``SearchSource`` in its contributions module (``core.registries.search_sources``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.postgres.search import SearchVector
from django.db.models import F, QuerySet
from django.db.models.expressions import Combinable
from django.utils.functional import Promise

from core.i18n import fallback_expression

# PostgreSQL text-search configurations for the portal's languages.
CONFIGS = {"sv": "swedish", "en": "english"}
MAX_QUERY_LENGTH = 200


def clean_query(value: str | None, *, max_length: int = MAX_QUERY_LENGTH) -> str:
    """Printable characters only, single spaces, at most ``max_length`` characters: any input
    is safe to search with, to show and to put in a link."""
    text = "".join(ch if ch.isprintable() else " " for ch in value or "")
    return " ".join(text.split())[:max_length]


def weighted_vector(language: str, primary: str, *secondary: str) -> SearchVector:
    """A text-search vector of translated fields: the first weighs most (A), then B, C, D."""
    config = CONFIGS[language]
    vector = SearchVector(fallback_expression(primary, language), config=config, weight="A")
    for weight, name in zip("BCD", secondary, strict=False):
        vector += SearchVector(fallback_expression(name, language), config=config, weight=weight)
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
