"""The site-wide search: every kind of content the apps register as a search source
(``core.registries.search_sources``), ranked by relevance, highlighted in the visitor's
language, grouped by kind. The matching, ranking and highlighting are ``core.search``'s, the
same as on every list with a search box."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import F
from django.utils.http import urlencode

from core import registries
from core import search as core_search
from core.i18n import active_language, fallback_expression
from core.search import SearchSource, clean_query, has_several_words, parse_terms

__all__ = ["ResultGroup", "SiteSearch", "clean_query", "site_search"]

PER_KIND = 5
# Counting stops here: "1,000+" says as much as an exact count and reads fewer rows.
COUNT_LIMIT = 1000


@dataclass
class ResultGroup:
    key: str
    label: str
    items: list = field(default_factory=list)
    total: int = 0
    more_url: str = ""

    @property
    def total_is_exact(self) -> bool:
        return self.total <= COUNT_LIMIT


@dataclass
class SiteSearch:
    query: str
    groups: list[ResultGroup] = field(default_factory=list)
    # No result had every word: these have some of them.
    any_word: bool = False
    suggestion: str = ""

    @property
    def total(self) -> int:
        return sum(group.total for group in self.groups)


def _search(
    source: SearchSource, query_text: str, language: str, limit: int, *, any_word: bool
) -> ResultGroup:
    found = core_search.resolve(
        source.queryset(), query_text, vector=source.vector(), any_word=any_word
    )
    if found.query is None:
        return ResultGroup(source.key, source.label)
    matching = found.queryset.annotate(rank=found.rank())
    annotations = {}
    if source.title:
        annotations["title_marked"] = core_search.headline(
            fallback_expression(source.title, language), found.query, language
        )
    if source.snippet:
        annotations["snippet_marked"] = core_search.headline(
            fallback_expression(source.snippet, language), found.query, language, snippet=True
        )
    items = list(matching.annotate(**annotations).order_by(F("rank").desc(), "-pk")[:limit])
    for item in items:
        if source.title:
            item.result_title = core_search.highlight(item.title_marked)
            item.result_title_lang = getattr(item, source.title)
        else:
            item.result_title = source.display(item)
            item.result_title_lang = ""
        item.result_snippet = core_search.highlight(item.snippet_marked) if source.snippet else ""
        item.result_snippet_lang = getattr(item, source.snippet) if source.snippet else ""
    if len(items) < limit:
        total = len(items)
    else:
        total = found.queryset.order_by()[: COUNT_LIMIT + 1].count()
    more_url = source.more_url(urlencode({"q": query_text}))
    return ResultGroup(source.key, source.label, items, total, more_url)


def _suggestion(
    query_text: str, terms: list, sources: list[SearchSource], *, found_all: bool
) -> str:
    """A "did you mean" for the words that matched nothing: when nothing matched every word,
    and also when results were found through "or" while one of its words found nothing
    ("klimat or Skelefteå"). Results that match every word leave nothing to correct."""
    if found_all and not any(term.either for term in terms):
        return ""
    words = core_search.suggestible_words(query_text)
    if not words:
        return ""
    if not found_all and len(terms) == 1:
        unmatched = words  # the one word found nothing: no need to ask
    else:
        unmatched = core_search.unmatched_words(
            words, [(source.queryset(), source.vector()) for source in sources]
        )
    if not unmatched:
        return ""
    return core_search.did_you_mean(
        query_text,
        [names for source in sources for names in source.names],
        words=unmatched,
    )


def site_search(raw_query: str, *, per_kind: int = PER_KIND) -> SiteSearch:
    """Every kind of content matching every word of the query (any word, when nothing has
    them all), and a "did you mean" for a misspelt name that matched nothing."""
    query_text = clean_query(raw_query)
    result = SiteSearch(query_text)
    terms = parse_terms(query_text)
    if not terms:
        return result
    language = active_language()
    sources = list(registries.search_sources.values())

    def run(any_word: bool) -> list[ResultGroup]:
        return [
            _search(source, query_text, language, per_kind, any_word=any_word) for source in sources
        ]

    result.groups = run(False)
    result.suggestion = _suggestion(query_text, terms, sources, found_all=bool(result.total))
    if not result.total and has_several_words(terms):
        result.groups = run(True)
        result.any_word = bool(result.total)
    # Kinds with hits first, in the order the apps registered them; the page stays predictable.
    result.groups.sort(key=lambda group: group.total == 0)
    return result
