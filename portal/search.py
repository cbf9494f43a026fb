"""The site-wide search: every kind of content the apps register as a search source
(``core.registries.search_sources``), in the visitor's language, grouped by kind and ranked by
PostgreSQL full-text search."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.utils.http import urlencode

from core import registries
from core.i18n import active_language
from core.search import CONFIGS, SearchSource, clean_query

__all__ = ["ResultGroup", "clean_query", "site_search"]

PER_KIND = 5
# Each kind calls its short text something else; the results page shows one.
SNIPPET_FIELDS = ("summary", "lead", "abstract")


@dataclass
class ResultGroup:
    key: str
    label: str
    items: list = field(default_factory=list)
    total: int = 0
    more_url: str = ""


def _snippet(item) -> str:
    for name in SNIPPET_FIELDS:
        if hasattr(type(item), name) and getattr(item, name):
            return getattr(item, name)
    return ""


def _search(source: SearchSource, query_text: str, language: str, limit: int) -> ResultGroup:
    query = SearchQuery(query_text, config=CONFIGS[language], search_type="websearch")
    if source.bilingual_vector:
        query |= SearchQuery(query_text, config="simple", search_type="websearch")
    matching = (
        source.queryset()
        .annotate(rank=SearchRank(source.vector(language), query))
        .filter(rank__gt=0)
    )
    items = list(matching.order_by("-rank", "-pk")[:limit])
    for item in items:
        item.snippet = _snippet(item)
    return ResultGroup(
        source.key,
        source.label,
        items,
        matching.count(),
        source.more_url(urlencode({"q": query_text})),
    )


def site_search(raw_query: str, *, per_kind: int = PER_KIND) -> list[ResultGroup]:
    query_text = clean_query(raw_query)
    if not query_text:
        return []
    language = active_language()
    groups = [
        _search(source, query_text, language, per_kind)
        for source in registries.search_sources.values()
    ]
    # Kinds with hits first, in the order the apps registered them; the page stays predictable.
    return sorted(groups, key=lambda group: group.total == 0)
