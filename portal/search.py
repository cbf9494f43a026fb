"""The site-wide search: every kind of content the apps register as a search source
(``core.registries.search_sources``), ranked by relevance, highlighted in the visitor's
language, grouped by kind. The matching, ranking and highlighting are ``core.search``'s, the
same as on every list with a search box."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection
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


def _candidates(found_by_source: list, limit: int, shown: int) -> list[tuple[int, list]]:
    """For each kind, how many of its first ``limit`` matches there are and the pks of the best
    ``shown`` of them (best rank first, the newest, highest pk, first among equals), in one
    statement (a ``UNION ALL`` of each kind's ``LIMIT``ed query): counted and ranked in one
    pass over the index's candidates, never over every match of a common word, and only the
    rows shown leave the database."""
    parts, params = [], []
    for n, (_source, found) in enumerate(found_by_source):
        if found.query is None:
            continue
        sql, found_params = (
            found.queryset.order_by()
            .annotate(c_pk=F("pk"), c_rank=found.rank())
            .values("c_pk", "c_rank")[:limit]
            .query.sql_with_params()
        )
        parts.append(
            f"SELECT {n}, c.c_pk::text, c.total, c.place FROM (SELECT c.c_pk, "
            "count(*) OVER () AS total, row_number() OVER "
            f"(ORDER BY c.c_rank DESC, c.c_pk DESC) AS place FROM ({sql}) c) c "
            f"WHERE c.place <= {int(shown)}"
        )
        params.extend(found_params)
    rows: list[tuple[int, list]] = [(0, []) for _ in found_by_source]
    if parts:
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            for n, pk, total, _place in sorted(cursor.fetchall(), key=lambda row: row[3]):
                model = found_by_source[n][1].queryset.model
                rows[n] = (total, [*rows[n][1], model._meta.pk.to_python(pk)])
    return rows


def _group(
    source: SearchSource, found, candidates: list, query_text: str, language: str, limit: int
) -> ResultGroup:
    """The best ``limit`` of one kind's candidates, with their highlighted title and snippet
    (``ts_headline`` for those rows only), and how many match (``COUNT_LIMIT`` + 1 at most)."""
    if found.query is None:
        return ResultGroup(source.key, source.label)
    total, best = candidates
    items = []
    if best:
        annotations = {}
        if source.title:
            annotations["title_marked"] = core_search.headline(
                fallback_expression(source.title, language), found.query, language
            )
        if source.snippet:
            annotations["snippet_marked"] = core_search.headline(
                fallback_expression(source.snippet, language), found.query, language, snippet=True
            )
        rows = {row.pk: row for row in found.queryset.filter(pk__in=best).annotate(**annotations)}
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
    """A "did you mean" for the words that matched nothing in any kind (core.search)."""
    return core_search.suggestion(
        query_text,
        [(source.queryset(), source.vector()) for source in sources],
        [names for source in sources for names in source.names],
        found_all=found_all,
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
        found = [
            (
                source,
                core_search.resolve(
                    source.queryset(), query_text, vector=source.vector(), any_word=any_word
                ),
            )
            for source in sources
        ]
        candidates = _candidates(found, COUNT_LIMIT + 1, per_kind)
        return [
            _group(source, matched, rows, query_text, language, per_kind)
            for (source, matched), rows in zip(found, candidates, strict=True)
        ]

    result.groups = run(False)
    result.suggestion = _suggestion(query_text, terms, sources, found_all=bool(result.total))
    if not result.total and has_several_words(terms):
        result.groups = run(True)
        result.any_word = bool(result.total)
    # Kinds with hits first, in the order the apps registered them; the page stays predictable.
    result.groups.sort(key=lambda group: group.total == 0)
    return result
