"""The research library's search: full text, facets, sorting and paging, all from the URL.

Full-text search is ``core.search``'s, on ``Publication.search_vector``, a generated column
with a GIN index. The vector holds Swedish-stemmed Swedish text, English-stemmed English
text, the authors' names as written and the text of the PDF; a query understands
``"exact phrase"``, ``or`` and ``-exclude``, ignores accents and matches word starts, so
"kommunerna" finds "kommuner", "municipalities" finds "municipality" and "Petrovic" finds
Petrović.

A page always costs the same number of queries whatever the data size: two small
vocabulary look-ups, one query counting the results and every facet (the matching rows
are found once, in a CTE, and once more for each facet with a selection; for a search, the
same query ranks the page's results from that CTE), and the page itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import F, Func, IntegerField, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Lower
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from core import facets as facet_store
from core import search
from core.i18n import active_language, fallback_expression
from core.search import clean_query, clean_search, highlight
from knowledge.models import DOCUMENT_LANGUAGES, Publication
from knowledge.selectors import published_authors
from reference.models import Country, Theme

PAGE_SIZE = 20

SORTS = {
    "relevance": _("Best match"),
    "newest": _("Newest first"),
    "oldest": _("Oldest first"),
    "title": _("Title A–Ö"),
}


def search_query(text: str, *, any_word: bool | None = None) -> SearchQuery | None:
    """The tsquery of the visitor's words over the library (every word, or any when no
    publication has them all)."""
    return search.resolve(Publication.objects.published(), text, any_word=any_word).query


class FirstMatchingPage(Func):
    """The number of the first page of the PDF's text (pages split by a form feed) that
    matches the query, or NULL; computed only for the rows of the page shown."""

    output_field = IntegerField()

    def as_sql(self, compiler, connection):
        text_sql, text_params = compiler.compile(self.source_expressions[0])
        query_sql, query_params = compiler.compile(self.source_expressions[1])
        sql = (
            f"(SELECT p.n FROM unnest(string_to_array({text_sql}, E'\\f')) "
            "WITH ORDINALITY AS p(t, n) WHERE (to_tsvector('icld_swedish', p.t) || "
            f"to_tsvector('icld_english', p.t)) @@ {query_sql} ORDER BY p.n LIMIT 1)"
        )
        return sql, (*text_params, *query_params)


def _ints(values: list[str]) -> list[int]:
    result = []
    for value in values:
        if value.isascii() and value.isdigit() and len(value) <= 4:
            result.append(int(value))
    return result


@dataclass
class LibraryQuery:
    q: str = ""
    types: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    sort: str = "newest"
    page: str = "1"
    # The order the visitor picked ("" when they left the list to choose).
    chosen_sort: str = ""
    # The search matches any of its words (no publication has them all): decided once.
    any_word: bool = False

    @classmethod
    def from_params(cls, params: QueryDict, *, decide_any_word: bool = True) -> LibraryQuery:
        """Read the URL; values nobody could have chosen are ignored, never an error.

        ``decide_any_word``: find out now whether the search must match any of its words (no
        publication has them all: one query); ``library_search`` learns it from its counts."""
        q = clean_search(params.get("q", ""))
        types = [t for t in params.getlist("type") if t in Publication.Type.values]
        languages = [
            code for code in params.getlist("language") if code in dict(DOCUMENT_LANGUAGES)
        ]
        chosen = params.get("sort", "")
        sort = search.effective_sort(chosen, SORTS, has_query=bool(q), default="newest")
        return cls(
            q=q,
            types=sorted(set(types)),
            years=sorted(set(_ints(params.getlist("year"))), reverse=True),
            themes=sorted({clean_query(s, max_length=60) for s in params.getlist("theme")} - {""}),
            countries=sorted(
                {clean_query(s, max_length=60) for s in params.getlist("country")} - {""}
            ),
            languages=sorted(set(languages)),
            sort=sort,
            page=params.get("page", "1")[:10],
            chosen_sort=chosen if chosen in SORTS else "",
            any_word=bool(q)
            and decide_any_word
            and search.resolve(Publication.objects.published(), q).any_word,
        )

    @property
    def sort_options(self) -> list[search.SortOption]:
        return search.sort_options(
            SORTS, self.chosen_sort, has_query=bool(self.q), default="newest"
        )

    @property
    def is_filtered(self) -> bool:
        return bool(
            self.q or self.types or self.years or self.themes or self.countries or self.languages
        )


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class LibraryResult:
    query: LibraryQuery
    page: Page
    facets: dict[str, list[FacetOption]]
    sorts: dict
    # "Did you mean": the search with a misspelt name corrected, or "".
    suggestion: str = ""


# The names a visitor may misspell in the library's search box: authors and countries.
SUGGESTED_NAMES = (
    search.Names(published_authors, "family_name"),
    search.Names(lambda: Country.objects.partners(), "name_sv"),
    search.Names(lambda: Country.objects.partners(), "name_en"),
)


def filtered_publications(
    query: LibraryQuery, *, theme_ids: dict[str, int], country_ids: dict[str, str], skip: str = ""
) -> QuerySet[Publication]:
    """Published publications matching every filter (each facet's values OR'ed) except ``skip``."""
    qs = Publication.objects.published()
    if query.q:
        qs = search.matching(qs, query.q, any_word=query.any_word)
    if query.types and skip != "type":
        qs = qs.filter(type__in=query.types)
    if query.years and skip != "year":
        qs = qs.filter(year__in=query.years)
    if query.languages and skip != "language":
        qs = qs.filter(document_languages__overlap=query.languages)
    # The row's own copies of its links (Publication.theme_ids, country_ids), each with a GIN
    # index: no join of the link tables, and the covering index answers the counts.
    selected_themes = [theme_ids[s] for s in query.themes if s in theme_ids]
    if selected_themes and skip != "theme":
        qs = qs.filter(theme_ids__overlap=selected_themes)
    selected_countries = [country_ids[s] for s in query.countries if s in country_ids]
    if selected_countries and skip != "country":
        qs = qs.filter(country_ids__overlap=selected_countries)
    return qs


def _vocabulary() -> tuple[list[Theme], list[Country]]:
    themes = list(
        Theme.objects.only("pk", "slug", "name_sv", "name_en").order_by("ordering", "name_sv")
    )
    countries = list(
        Country.objects.partners().only("code", "slug", "name_sv", "name_en").order_by_name()
    )
    return themes, countries


def library_search(params: QueryDict) -> LibraryResult:
    """Everything the library page shows for one URL."""
    query = LibraryQuery.from_params(params, decide_any_word=False)
    language = active_language()
    themes, countries = _vocabulary()
    theme_ids = {t.slug: t.pk for t in themes}
    country_ids = {c.slug: c.pk for c in countries}
    query.themes = [s for s in query.themes if s in theme_ids]
    query.countries = [s for s in query.countries if s in country_ids]

    def base(skip: str = "") -> QuerySet[Publication]:
        return filtered_publications(query, theme_ids=theme_ids, country_ids=country_ids, skip=skip)

    # "Every word, or any when no publication has them all": with only words to filter by, the
    # total counted with the facets says it (no query of its own); with filters too, ask.
    words_only = bool(query.q) and not (
        query.types or query.years or query.themes or query.countries or query.languages
    )
    several = search.has_several_words(search.parse_terms(query.q))
    if query.q and several and not words_only:
        query.any_word = search.resolve(Publication.objects.published(), query.q).any_word
    # Ranked by relevance, the page's results are ranked by the statement that counts them.
    first = _first_result(query.page)
    ranked_page = None
    if query.q and query.sort == "relevance" and first < search.RANK_CANDIDATES:

        def ranked_page(matches: str) -> tuple[str, tuple]:
            ranking = _ranking(base, search_query(query.q, any_word=query.any_word))
            candidates = Publication.objects.filter(
                pk__in=RawSQL(f"SELECT id FROM {matches} LIMIT %s", [ranking.candidates])
            )
            return ranking.ranked_pks_sql(
                first, first + PAGE_SIZE, candidates=candidates, places=True
            )

    ids = {"theme_ids": theme_ids, "country_ids": country_ids, "ranked_page": ranked_page}
    counts = facet_counts(query, base, **ids)
    if words_only and several and not counts["total"].get("", 0):
        query.any_word = True
        counts = facet_counts(query, base, **ids)

    results = base().only(
        "pk",
        "slug",
        "type",
        "year",
        "title_sv",
        "title_en",
        "abstract_sv",
        "abstract_en",
        "author_names",
        "document_languages",
        "cover",
        "file",
    )
    if query.q:
        tsquery = search_query(query.q, any_word=query.any_word)
        results = results.annotate(
            rank=search.rank(F("search_vector"), tsquery),
            title_highlighted=search.headline(
                fallback_expression("title", language), tsquery, language
            ),
            snippet=search.headline(
                fallback_expression("abstract", language), tsquery, language, snippet=True
            ),
            file_page=FirstMatchingPage(F("file_text"), tsquery),
        )
    orderings = {
        "relevance": ["-rank", "-year", "-pk"],
        "newest": ["-year", "-created_at", "-pk"],
        "oldest": ["year", "created_at", "pk"],
        "title": [Lower(fallback_expression("title", language)).asc(), "pk"],
    }
    results = results.order_by(*orderings[query.sort])
    total = counts["total"].get("", 0)  # already counted with the facets
    if query.sort == "relevance":
        # The first pages ranked among the first matches only (core.search.RankedResults).
        ranked = sorted(counts["page"].items(), key=lambda row: row[1])
        results = _ranking(
            base,
            tsquery,
            results=results,
            count=total,
            ranked_pks=(first, [int(pk) for pk, _place in ranked]) if ranked_page else None,
        )
    paginator = Paginator(results, PAGE_SIZE)
    paginator.count = total
    page = paginator.get_page(query.page)
    for publication in page.object_list:
        if query.q:
            publication.title_html = highlight(publication.title_highlighted)
            publication.snippet_html = highlight(publication.snippet)

    facets = _facets(query, counts, themes, countries)
    suggestion = ""
    if query.q:
        suggestion = search.suggestion(
            query.q,
            [(Publication.objects.published(), None)],
            SUGGESTED_NAMES,
            found_all=bool(total) and not query.any_word,
        )
    return LibraryResult(query=query, page=page, facets=facets, sorts=SORTS, suggestion=suggestion)


def _first_result(page: str) -> int:
    """The index of the first result of page ``page`` as the paginator reads the number (one
    that is not a number is the first page; one past the last is settled by the paginator)."""
    try:
        number = int(page)
    except ValueError:
        number = 1
    return (max(number, 1) - 1) * PAGE_SIZE


def _ranking(base, tsquery, *, results=None, **options) -> search.RankedResults:
    """The library's relevance order: the best match first, then the newest."""
    return search.RankedResults(
        Publication.objects.none() if results is None else results,
        search.Search(base(), tsquery),
        tie_breakers=("-year", "-pk"),
        **options,
    )


FACET_SQL = {
    "type": "SELECT 'type', m.type, count(*) FROM {m} m GROUP BY m.type",
    "year": "SELECT 'year', m.year::text, count(*) FROM {m} m GROUP BY m.year",
    # Grouped by the languages as bits (a few distinct values); each bit is counted in Python.
    "language": "SELECT 'languages', m.document_language_bits::text, count(*) FROM {m} m "
    "GROUP BY m.document_language_bits",
    # Each row's themes and countries as the covering index holds them (Publication.theme_ids).
    # (unnest in the select list: about half the time of a lateral join to it per row).
    "theme": "SELECT 'theme', t::text, count(*) FROM (SELECT unnest(m.theme_ids) t FROM {m} m) u "
    "GROUP BY t",
    "country": "SELECT 'country', c, count(*) FROM (SELECT unnest(m.country_ids) c FROM {m} m) u "
    "GROUP BY c",
}
# The counts the database keeps (core.facets, migration 0023): of the whole library, and of
# the library with one theme, country, type, year or language alone chosen.
LISTING = "knowledge"
# The total and every facet of type, year and languages without a selection, counted over
# the same rows in one pass grouped by those columns (in the covering index's order when
# they are type and year), summed in Python. Its value: the group's columns, space-separated.
GROUPED_COLUMNS = {"type": "m.type", "year": "m.year", "language": "m.document_language_bits"}
LANGUAGE_BITS = [(1 << bit, code) for bit, (code, _label) in enumerate(DOCUMENT_LANGUAGES)]


def _add(counts: dict[str, int], key: str, n: int) -> None:
    counts[key] = counts.get(key, 0) + n


def _add_languages(counts: dict[str, int], bits: str, n: int) -> None:
    """Each language of the document (a bit of ``document_language_bits``) counts these rows."""
    for bit, code in LANGUAGE_BITS:
        if int(bits) & bit:
            _add(counts, code, n)


def _given(
    filters: dict[str, list], theme_ids: dict[str, int], country_ids: dict[str, str]
) -> str | None:
    """The key of the database's stored counts for rows matching ``filters`` (facet: values
    chosen), when it keeps them: "" for no filter, "theme 3" for one value of one facet
    (migration 0023); None for more than that."""
    chosen = {name: values for name, values in filters.items() if values}
    if not chosen:
        return ""
    if len(chosen) > 1:
        return None
    ((name, values),) = chosen.items()
    if len(values) != 1:
        return None
    value = values[0]
    if name == "theme":
        value = theme_ids.get(value)
    elif name == "country":
        value = country_ids.get(value)
    return None if value is None else f"{name} {value}"


def facet_counts(
    query: LibraryQuery,
    base,
    *,
    theme_ids: dict[str, int] | None = None,
    country_ids: dict[str, str] | None = None,
    ranked_page=None,
) -> dict[str, dict[str, int]]:
    """Counts per facet value, and the total under ``"total"``, in one query.

    A facet with a selection is counted over the rows matching every *other* filter (so its
    other values can be added to the choice); the total and the facets without a selection
    over the fully filtered rows. Without a search, a set of rows that the whole library or
    one filter value alone gives is read from the counts the database keeps of it
    (``core.facets``, migration 0023). Any other set is a CTE of the statement. The fully
    filtered rows, which several counts read, are found once (materialized): a search or
    two filters at least, never the 50,000 rows of the whole library. A set of rows without
    one facet's filter is read by that facet's count only, so PostgreSQL plans it inside
    that count.

    ``ranked_page``: for a search, a function given the name of the CTE of the matches and
    returning a statement of (pk, place) rows, the page of results ranked from them; they come
    back under ``"page"`` (pk: place), found without reading the index a second time.
    """
    selected = {
        "type": query.types,
        "year": [str(year) for year in query.years],
        "language": query.languages,
        "theme": query.themes,
        "country": query.countries,
    }
    theme_ids, country_ids = theme_ids or {}, country_ids or {}

    def given(filters: dict[str, list]) -> str | None:
        return None if query.q else _given(filters, theme_ids, country_ids)

    ctes, params, parts, part_params = [], [], [], []
    # Which facets each stored set of rows gives: "" (the fully filtered rows) gives the
    # total and every facet without a selection, a facet's name that facet alone.
    taken: dict[str, str] = {}

    def read_stored(key: str, given_key: str) -> None:
        sql, stored_params = facet_store.stored_sql(
            LISTING, labels=False, given=given_key, tag=f"{key}:"
        )
        parts.append(sql)
        part_params.extend(stored_params)
        taken[key] = given_key

    def cte(name: str, skip: str, *, materialized: bool = False) -> str:
        sql, cte_params = (
            base(skip)
            .order_by()
            .values("id", "type", "year", "document_language_bits", "theme_ids", "country_ids")
            .query.sql_with_params()
        )
        ctes.append(f"{name} AS {'' if materialized else 'NOT '}MATERIALIZED ({sql})")
        params.extend(cte_params)
        return name

    grouped = [name for name in GROUPED_COLUMNS if not selected[name]]
    whole = given(selected)
    if whole is not None:
        read_stored("", whole)
    else:
        everything = cte("m", "", materialized=True)
        columns = [GROUPED_COLUMNS[name] for name in grouped]
        value = " || ' ' || ".join(f"{column}::text" for column in columns) or "''"
        group_by = f" GROUP BY {', '.join(columns)}" if columns else ""
        parts.append(f"SELECT 'grouped', {value}, count(*) FROM {everything} m{group_by}")
        for key in ("theme", "country"):
            if not selected[key]:
                parts.append(FACET_SQL[key].format(m=everything))
        if ranked_page is not None and query.q:
            sql, page_params = ranked_page(everything)
            parts.append(f"SELECT 'page', r.c_pk::text, r.place FROM ({sql}) r")
            part_params.extend(page_params)
    for key, values in selected.items():
        if not values:
            continue
        others = {name: chosen for name, chosen in selected.items() if name != key}
        others_given = given(others)
        if others_given is not None:
            read_stored(key, others_given)
        else:
            parts.append(FACET_SQL[key].format(m=cte(f"m_{key}", key)))
    with_ctes = f"WITH {', '.join(ctes)} " if ctes else ""
    with connection.cursor() as cursor:
        cursor.execute(with_ctes + " UNION ALL ".join(parts), params + part_params)
        fetched = cursor.fetchall()
    computed, stored_rows = [], {key: [] for key in taken}
    for facet, value, n in fetched:
        key, tagged, name = facet.partition(":")
        if tagged:
            stored_rows[key].append((name, value, n))
        else:
            computed.append((facet, value, n))
    page = {value: n for facet, value, n in computed if facet == "page"}
    counts = _parse_counts([row for row in computed if row[0] != "page"], grouped=grouped)
    counts["page"] = page
    for key, rows in stored_rows.items():
        # Stored sets hold type, year and languages grouped together, like the whole list's.
        found = _parse_counts(rows, grouped=list(GROUPED_COLUMNS))
        for name in [key] if key else ["total", *grouped, "theme", "country"]:
            if key or not selected.get(name):
                counts[name] = found[name]
    return counts


def _parse_counts(fetched, *, grouped: list[str]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {key: {} for key in ("total", *FACET_SQL)}
    for key, value, count in fetched:
        if key == "grouped":
            _add(counts["total"], "", count)
            for name, part in zip(grouped, value.split(" ") if grouped else (), strict=True):
                if name == "language":
                    _add_languages(counts["language"], part, count)
                else:
                    _add(counts[name], part, count)
        elif key == "languages":
            _add_languages(counts["language"], value, count)
        else:
            counts[key][value] = count
    counts["total"].setdefault("", 0)  # no group when nothing matches
    return counts


def _facets(query: LibraryQuery, counts, themes, countries) -> dict[str, list[FacetOption]]:
    type_counts = counts["type"]
    year_counts = {int(year): n for year, n in counts["year"].items()}
    theme_counts = {int(pk): n for pk, n in counts["theme"].items()}
    country_counts = counts["country"]
    language_counts = counts["language"]

    def keep(option: FacetOption) -> bool:
        return option.count > 0 or option.selected

    return {
        "type": [
            o
            for o in (
                FacetOption(value, str(label), type_counts.get(value, 0), value in query.types)
                for value, label in Publication.Type.choices
            )
            if keep(o)
        ],
        "year": [
            o
            for o in (
                FacetOption(str(year), str(year), year_counts.get(year, 0), year in query.years)
                for year in sorted(set(year_counts) | set(query.years), reverse=True)
            )
            if keep(o)
        ],
        "theme": [
            o
            for o in (
                FacetOption(t.slug, t.name, theme_counts.get(t.pk, 0), t.slug in query.themes)
                for t in themes
            )
            if keep(o)
        ],
        "country": [
            o
            for o in (
                FacetOption(c.slug, c.name, country_counts.get(c.pk, 0), c.slug in query.countries)
                for c in countries
            )
            if keep(o)
        ],
        "language": [
            o
            for o in (
                FacetOption(code, str(label), language_counts.get(code, 0), code in query.languages)
                for code, label in DOCUMENT_LANGUAGES
            )
            if keep(o)
        ],
    }


def export_rows(params: QueryDict):
    """The filtered library (all pages) for CSV/JSON export, streamed in one query."""
    query = LibraryQuery.from_params(params)
    themes, countries = _vocabulary()
    theme_ids = {t.slug: t.pk for t in themes}
    country_ids = {c.slug: c.pk for c in countries}
    from django.contrib.postgres.aggregates import ArrayAgg

    qs = filtered_publications(query, theme_ids=theme_ids, country_ids=country_ids)
    if query.q:
        qs = qs.annotate(
            rank=search.rank(F("search_vector"), search_query(query.q, any_word=query.any_word))
        ).order_by("-rank", "-year", "-pk")
    else:
        qs = qs.order_by("-year", "-created_at", "-pk")
    return (
        qs.annotate(
            theme_slugs=ArrayAgg("themes__slug", distinct=True, default=Value([])),
            country_codes=ArrayAgg("countries__code", distinct=True, default=Value([])),
        )
        .values(
            "pk",
            "slug",
            "type",
            "year",
            "title_sv",
            "title_en",
            "author_names",
            "document_languages",
            "doi",
            "isbn",
            "external_url",
            "abstract_sv",
            "abstract_en",
            "theme_slugs",
            "country_codes",
            "file",
        )
        .iterator(chunk_size=2000)
    )
