"""The site-wide search: every kind of content the apps register as a search source
(``core.registries.search_sources``), ranked by relevance, highlighted in the visitor's
language, grouped by kind. The matching, ranking and highlighting are ``core.search``'s, the
same as on every list with a search box."""

from __future__ import annotations

from dataclasses import dataclass, field

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

    @property
    def shown_total(self) -> int:
        """The count as the page shows it: exact, or the limit it passed ("1000+")."""
        return min(self.total, COUNT_LIMIT)


@dataclass
class SiteSearch:
    query: str
    groups: list[ResultGroup] = field(default_factory=list)
    # No result had every word: these have some of them.
    any_word: bool = False
    suggestion: str = ""

    @property
    def total(self) -> int:
        return sum(group.shown_total for group in self.groups)

    @property
    def total_is_exact(self) -> bool:
        """False when a kind had more matches than were counted: the page says "more than"."""
        return all(group.total_is_exact for group in self.groups)


def _search(
    source: SearchSource, query_text: str, language: str, limit: int, *, any_word: bool
) -> ResultGroup:
    """The best ``limit`` rows of one kind and how many match (at most ``COUNT_LIMIT`` + 1).

    Two queries: the pk and rank of the first ``COUNT_LIMIT`` + 1 matches (counted and ranked
    in one pass over the index's candidates, never over every match of a common word), then
    the best few with their highlighted title and snippet (``ts_headline`` for those only).
    """
    found = core_search.resolve(
        source.queryset(), query_text, vector=source.vector(), any_word=any_word
    )
    if found.query is None:
        return ResultGroup(source.key, source.label)
    candidates = list(
        found.queryset.order_by()
        .annotate(rank=found.rank())
        .values_list("pk", "rank")[: COUNT_LIMIT + 1]
    )
    total = len(candidates)
    # Best rank first, the newest (highest pk) first among equals.
    candidates.sort(key=lambda row: row[0], reverse=True)
    candidates.sort(key=lambda row: row[1], reverse=True)
    best = [pk for pk, _rank in candidates[:limit]]
    annotations = {}
    if source.title:
        annotations["title_marked"] = core_search.headline(
            fallback_expression(source.title, language), found.query, language
        )
    if source.snippet:
        annotations["snippet_marked"] = core_search.headline(
            fallback_expression(source.snippet, language), found.query, language, snippet=True
        )
    rows = {item.pk: item for item in found.queryset.filter(pk__in=best).annotate(**annotations)}
    items = [rows[pk] for pk in best if pk in rows]
    for item in items:
        if source.title:
            item.result_title = core_search.highlight(item.title_marked)
            item.result_title_lang = getattr(item, source.title)
        else:
            item.result_title = source.display(item)
            item.result_title_lang = ""
        item.result_snippet = core_search.highlight(item.snippet_marked) if source.snippet else ""
        item.result_snippet_lang = getattr(item, source.snippet) if source.snippet else ""
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
