"""Reads for partnerships: what every public page and other apps ask for.

Every selector returns published content only, with its related rows fetched
up front, so a page runs the same number of SQL queries whatever the number of
partnerships. Other apps (the site-wide organisation, country and theme pages,
the home page) call the public API at the top of this module:

* ``figures()``: live figures, each saying what it counts;
* ``partnerships_for_organisation(organisation, *, limit=None)``;
* ``partnerships_for_country(country, *, limit=None)``;
* ``partnerships_for_theme(theme, *, limit=None)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from html import escape

from django.db import connection, connections
from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery, Window
from django.db.models.functions import Coalesce, RowNumber
from django.db.models.query import ModelIterable
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from core import facets as facet_store
from core import search
from core.i18n import active_language, fallback_expression
from partnerships.models import Partnership, PartnershipImage, Story
from reference.models import Country, County, Organisation, Theme

SwedishParty = Partnership.swedish_organisations.through
PartnerParty = Partnership.partner_organisations.through
PartnershipTheme = Partnership.themes.through

# --- Public API for other apps ------------------------------------------------------------


def figures(*, with_history: bool = False) -> list[dict]:
    """Live figures, each labelled with exactly what it counts (published partnerships only).

    The Swedish organisations in active partnerships, the active partnerships and their
    partner countries; ``with_history`` adds the countries of every partnership, past and
    present (the countries the partnership pages list). Returns a list of
    ``{"key": str, "label": <lazy translated str>, "value": int}``; one query for all.
    """
    active = Q(status="active")
    counts = Partnership.objects.published().aggregate(
        partnerships=Count("pk", filter=active, distinct=True),
        countries=Count("country_id", filter=active, distinct=True),
        countries_ever=Count("country_id", distinct=True),
        organisations=Count("swedish_organisations", filter=active, distinct=True),
    )
    result = [
        {
            "key": "organisations",
            "label": _("Swedish organisations in active partnerships"),
            "value": counts["organisations"],
        },
        {
            "key": "partnerships",
            "label": _("Active partnerships"),
            "value": counts["partnerships"],
        },
        {
            "key": "countries",
            "label": _("Countries with active partnerships"),
            "value": counts["countries"],
        },
    ]
    if with_history:
        result.append(
            {
                "key": "countries_ever",
                "label": _("Countries with partnerships, past and present"),
                "value": counts["countries_ever"],
            }
        )
    return result


def partnerships_for_organisation(
    organisation: Organisation, *, limit: int | None = None
) -> QuerySet[Partnership]:
    """Published partnerships the organisation takes part in, on either side, newest first."""
    ids = Q(pk__in=SwedishParty.objects.filter(organisation=organisation).values("partnership_id"))
    ids |= Q(pk__in=PartnerParty.objects.filter(organisation=organisation).values("partnership_id"))
    return _limited(_for_cards(Partnership.objects.published().filter(ids)), limit)


def partnerships_for_country(
    country: Country, *, limit: int | None = None
) -> QuerySet[Partnership]:
    """Published partnerships with organisations in ``country``: active first, newest first."""
    queryset = (
        Partnership.objects.published()
        .filter(country=country)
        .order_by("status", "-start_year", "title_sv")
    )
    return _limited(_for_cards(queryset), limit)


def partnerships_for_theme(theme: Theme, *, limit: int | None = None) -> QuerySet[Partnership]:
    """Published partnerships that work on ``theme``, newest first."""
    ids = PartnershipTheme.objects.filter(theme=theme).values("partnership_id")
    return _limited(_for_cards(Partnership.objects.published().filter(pk__in=ids)), limit)


# --- Helpers ------------------------------------------------------------------------------


def _limited(queryset: QuerySet, limit: int | None) -> QuerySet:
    return queryset if limit is None else queryset[:limit]


# What a card reads of its parties: not the search vector, addresses or descriptions.
CARD_ORGANISATION_FIELDS = ("id", "slug", "short_name", "name_sv", "name_en")
# Nor the partnership's own long texts and search columns (each card would carry them all).
CARD_DEFERRED = (
    "goals_sv",
    "goals_en",
    "results_sv",
    "results_en",
    "search_names",
    "search_vector",
)


def _for_cards(queryset: QuerySet[Partnership], *, whole: bool = False) -> QuerySet[Partnership]:
    """What a partnership card shows: country, parties and themes (``card_*`` lists, one extra
    query for every row fetched); ``whole``: every column of each, prefetched as relations,
    for the open-data files."""
    if whole:
        organisations = Organisation.objects.order_by("short_name")
        return queryset.select_related("country").prefetch_related(
            Prefetch("swedish_organisations", queryset=organisations),
            Prefetch("partner_organisations", queryset=organisations),
            Prefetch("themes", queryset=Theme.objects.order_by("ordering", "name_sv")),
        )
    queryset = queryset.defer(*CARD_DEFERRED).select_related("country")
    queryset._iterable_class = CardIterable
    return queryset


# A card's parties and themes for every partnership fetched, in one statement rather than
# three prefetches (each with its related managers and querysets per row): the columns of
# CARD_ORGANISATION_FIELDS, in the order the relations' own orderings give.
CARD_RELATIONS_SQL = (
    "SELECT 's', l.partnership_id, o.id, o.slug, o.short_name, o.name_sv, o.name_en, 0 "
    "FROM partnerships_partnership_swedish_organisations l "
    "JOIN reference_organisation o ON o.id = l.organisation_id WHERE l.partnership_id = ANY(%s) "
    "UNION ALL SELECT 'p', l.partnership_id, o.id, o.slug, o.short_name, o.name_sv, o.name_en, 0 "
    "FROM partnerships_partnership_partner_organisations l "
    "JOIN reference_organisation o ON o.id = l.organisation_id WHERE l.partnership_id = ANY(%s) "
    "UNION ALL SELECT 't', l.partnership_id, t.id, t.slug, t.name_sv, t.name_sv, t.name_en, "
    "t.ordering FROM partnerships_partnership_themes l "
    "JOIN reference_theme t ON t.id = l.theme_id WHERE l.partnership_id = ANY(%s) "
    "ORDER BY 1, 8, 5, 3"
)
CARD_THEME_FIELDS = ("id", "slug", "name_sv", "name_en")


def _in_field_order(model, names: tuple[str, ...]) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields if f.attname in names]


class CardIterable(ModelIterable):
    """Partnerships as cards show them: each with ``card_swedish_organisations``,
    ``card_partner_organisations`` and ``card_themes`` (lists of partly loaded rows)."""

    def __iter__(self):
        partnerships = list(super().__iter__())
        by_id = {}
        for partnership in partnerships:
            partnership.card_swedish_organisations = []
            partnership.card_partner_organisations = []
            partnership.card_themes = []
            by_id[partnership.pk] = partnership
        if by_id:
            ids = list(by_id)
            lists = {
                "s": "card_swedish_organisations",
                "p": "card_partner_organisations",
                "t": "card_themes",
            }
            db = self.queryset.db
            # from_db takes the loaded values in the model's field order.
            theme_fields = _in_field_order(Theme, CARD_THEME_FIELDS)
            organisation_fields = _in_field_order(Organisation, CARD_ORGANISATION_FIELDS)
            with connections[db].cursor() as cursor:
                cursor.execute(CARD_RELATIONS_SQL, [ids, ids, ids])
                for kind, partnership_id, pk, slug, short_name, name_sv, name_en, _ in cursor:
                    values = {
                        "id": pk,
                        "slug": slug,
                        "short_name": short_name,
                        "name_sv": name_sv,
                        "name_en": name_en,
                    }
                    if kind == "t":
                        row = Theme.from_db(db, theme_fields, [values[f] for f in theme_fields])
                    else:
                        row = Organisation.from_db(
                            db, organisation_fields, [values[f] for f in organisation_fields]
                        )
                    getattr(by_id[partnership_id], lists[kind]).append(row)
        yield from partnerships


# --- The partnership list: search, filters, facets ----------------------------------------


@dataclass(frozen=True)
class PartnershipFilters:
    """What a visitor asked for on the list page; every field is optional."""

    q: str = ""
    country: Country | None = None
    organisation: Organisation | None = None
    county: County | None = None
    theme: Theme | None = None
    phase: str = ""
    status: str = ""
    year: int | None = None
    sort: str = ""
    # Whether the search matches any of its words (nothing has them all): decided once for
    # the list, its facets and its exports by ``with_search_resolved``; None decides each time.
    any_word: bool | None = None

    FACETS = ("country", "organisation", "county", "theme", "phase", "status", "year")

    @property
    def is_empty(self) -> bool:
        return not self.q and not any(getattr(self, name) for name in self.FACETS)

    def without(self, name: str) -> PartnershipFilters:
        return replace(self, **{name: "" if name in ("q", "phase", "status", "sort") else None})


def with_search_resolved(filters: PartnershipFilters) -> PartnershipFilters:
    """The filters with the search's "every word or any word" decided (one query at most)."""
    if not filters.q or filters.any_word is not None:
        return filters
    found = search.resolve(Partnership.objects.published(), filters.q)
    return replace(filters, any_word=found.any_word)


# The names a visitor types in the list's search box and may misspell: the municipalities,
# regions and partners, and the countries (in either language).
SUGGESTED_NAMES = (
    search.Names(lambda: Organisation.objects.all(), "short_name"),
    search.Names(lambda: Country.objects.partners(), "name_sv"),
    search.Names(lambda: Country.objects.partners(), "name_en"),
)


def partnership_search_suggestion(filters: PartnershipFilters, *, found_all: bool) -> str:
    """ "Did you mean" for the list's search (core.search): a misspelt name that matched no
    published partnership, replaced by the closest known name; "" when there is nothing to
    correct. ``found_all``: the list shows partnerships having every word."""
    if not filters.q:
        return ""
    return search.suggestion(
        filters.q, [(Partnership.objects.published(), None)], SUGGESTED_NAMES, found_all=found_all
    )


SORTS = {
    "relevance": _("Best match"),
    "newest": _("Newest first"),
    "oldest": _("Oldest first"),
    "title": _("Title A–Ö"),
}


def _apply_filters(
    queryset: QuerySet[Partnership], filters: PartnershipFilters, *, skip: str = ""
) -> QuerySet[Partnership]:
    """Filter by everything in ``filters`` except the facet named ``skip``.

    Many-to-many filters use ``pk IN (subquery)``, so a partnership is never counted twice.
    """
    if filters.q:
        queryset = search.matching(queryset, filters.q, any_word=filters.any_word)
    if filters.country and skip != "country":
        queryset = queryset.filter(country=filters.country)
    if filters.organisation and skip != "organisation":
        queryset = queryset.filter(
            Q(
                pk__in=SwedishParty.objects.filter(organisation=filters.organisation).values(
                    "partnership_id"
                )
            )
            | Q(
                pk__in=PartnerParty.objects.filter(organisation=filters.organisation).values(
                    "partnership_id"
                )
            )
        )
    if filters.county and skip != "county":
        queryset = queryset.filter(
            pk__in=SwedishParty.objects.filter(organisation__county=filters.county).values(
                "partnership_id"
            )
        )
    if filters.theme and skip != "theme":
        queryset = queryset.filter(
            pk__in=PartnershipTheme.objects.filter(theme=filters.theme).values("partnership_id")
        )
    if filters.phase and skip != "phase":
        queryset = queryset.filter(phase=filters.phase)
    if filters.status and skip != "status":
        queryset = queryset.filter(status=filters.status)
    if filters.year and skip != "year":
        queryset = queryset.active_in_year(filters.year)
    return queryset


def effective_sort(filters: PartnershipFilters) -> str:
    return search.effective_sort(filters.sort, SORTS, has_query=bool(filters.q), default="newest")


def sort_options(filters: PartnershipFilters) -> list[search.SortOption]:
    return search.sort_options(SORTS, filters.sort, has_query=bool(filters.q), default="newest")


def partnership_list_public(
    filters: PartnershipFilters | None = None, *, whole: bool = False
) -> QuerySet[Partnership]:
    """Published partnerships matching ``filters``, ranked or sorted, ready for cards (with
    ``whole``, every column, for the open-data files)."""
    filters = filters or PartnershipFilters()
    queryset = _apply_filters(Partnership.objects.published(), filters)
    sort = effective_sort(filters)
    if sort == "relevance":
        query = search.resolve(
            Partnership.objects.published(), filters.q, any_word=filters.any_word
        ).query
        queryset = queryset.annotate(rank=search.rank(F("search_vector"), query)).order_by(
            "-rank", "-start_year", "pk"
        )
    elif sort == "oldest":
        queryset = queryset.order_by("start_year", "title_sv", "pk")
    elif sort == "title":
        queryset = queryset.order_by(fallback_expression("title", active_language()), "pk")
    else:
        queryset = queryset.order_by("-start_year", "title_sv", "pk")
    return _for_cards(queryset, whole=whole)


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    name: str
    options: list[FacetOption] = field(default_factory=list)

    @property
    def options_html(self) -> SafeString:
        """The facet's ``<option>`` elements, built here rather than by a template loop: the
        organisation and year facets have hundreds of options, and a loop of template tags
        over them cost more than every query of the page."""
        # The standard library's escape (the same characters as Django's, without the lazy
        # wrappers around each call: a few milliseconds over hundreds of options).
        return mark_safe(  # noqa: S308 - every value is escaped here
            "".join(
                f'<option value="{escape(option.value)}"{" selected" if option.selected else ""}>'
                f"{escape(str(option.label))} ({int(option.count)})</option>"
                for option in self.options
            )
        )


def _label(language: str):
    """A facet row's label in ``language``, else in Swedish (asked once for hundreds of rows)."""
    column = f"label_{language}"
    return lambda row: row.get(column) or row.get("label_sv") or ""


def _options(rows, selected_value, key, label, *, sort_key=None) -> list[FacetOption]:
    options = [
        FacetOption(
            value=str(row[key]),
            label=label(row),
            count=row["n"],
            selected=str(row[key]) == str(selected_value or ""),
        )
        for row in rows
        if row[key] not in (None, "")
    ]
    options.sort(key=sort_key or (lambda option: option.label.casefold()))
    return options


def _ensure_selected(
    options: list[FacetOption], value, label: str, count: int = 0
) -> list[FacetOption]:
    """Keep the chosen value in the list even when nothing matches it any more."""
    if value and not any(option.selected for option in options):
        options.insert(0, FacetOption(value=str(value), label=label, count=count, selected=True))
    return options


# The facets' counts, one SELECT each, joined by UNION ALL into one statement. Each reads the
# rows its facet counts over (``{m}``: a CTE of the matching partnerships) and gives the same
# five columns: the facet, the value, its two labels and the count.
FACET_SQL = {
    # Grouped by key first, then named: the names are looked up for a few dozen rows only.
    "country": "SELECT 'country', c.slug, c.name_sv, c.name_en, x.n FROM (SELECT m.country_id, "
    "count(*) AS n FROM {m} m GROUP BY m.country_id) x JOIN reference_country c "
    "ON c.code = x.country_id",
    # A pair occurs once in the through table: a plain count, which PostgreSQL can hash.
    "organisation": "SELECT 'organisation', o.slug, o.short_name, o.short_name, x.n FROM "
    "(SELECT so.organisation_id, count(*) AS n FROM {m} m "
    "JOIN partnerships_partnership_swedish_organisations so ON so.partnership_id = m.id "
    "GROUP BY so.organisation_id) x JOIN reference_organisation o ON o.id = x.organisation_id",
    # Two Swedish parties of one partnership may share a county: each partnership once.
    "county": "SELECT 'county', k.code, k.name_sv, k.name_en, x.n FROM (SELECT y.county_id, "
    "count(*) AS n FROM (SELECT DISTINCT m.id, o.county_id FROM {m} m "
    "JOIN partnerships_partnership_swedish_organisations so ON so.partnership_id = m.id "
    "JOIN reference_organisation o ON o.id = so.organisation_id) y GROUP BY y.county_id) x "
    "JOIN reference_county k ON k.code = x.county_id",
    "theme": "SELECT 'theme', t.slug, t.name_sv, t.name_en, x.n FROM (SELECT pt.theme_id, "
    "count(*) AS n FROM {m} m JOIN partnerships_partnership_themes pt "
    "ON pt.partnership_id = m.id GROUP BY pt.theme_id) x JOIN reference_theme t "
    "ON t.id = x.theme_id",
    "phase": "SELECT 'phase', m.phase, '', '', count(*) FROM {m} m GROUP BY m.phase",
    "status": "SELECT 'status', m.status, '', '', count(*) FROM {m} m GROUP BY m.status",
    # A few hundred (start, end) pairs whatever the number of partnerships; the years are
    # counted from those in Python.
    "year": "SELECT 'year', m.start_year::text, coalesce(m.end_year::text, ''), '', count(*) "
    "FROM {m} m GROUP BY m.start_year, m.end_year",
    "total": "SELECT 'total', '', '', '', count(*) FROM {m} m",
}
# Counted over every published partnership, the facets are the database's (core.facets,
# migration 0018): a facet whose own filter is the only one, and every facet of the list
# without filters, read those stored counts instead of counting 10,000 rows.
LISTING = "partnerships"
FACET_COLUMNS = ("id", "country_id", "phase", "status", "start_year", "end_year")
# When none of them has a selection, the country, phase and status facets and the total count
# the same rows: one pass grouped by (country, phase, status), a hundred-odd groups summed in
# Python, instead of four passes. The value is "<country slug> <phase> <status>" (none of
# them can hold a space).
COUNTRY_PHASE_STATUS_SQL = (
    "SELECT 'country_phase_status', c.slug || ' ' || x.phase || ' ' || x.status, c.name_sv, "
    "c.name_en, x.n FROM (SELECT m.country_id, m.phase, m.status, count(*) AS n FROM {m} m "
    "GROUP BY m.country_id, m.phase, m.status) x JOIN reference_country c ON c.code = x.country_id"
)
COMBINED = ("country", "phase", "status", "total")
SELECTIVE = ("q", "country", "organisation", "county", "theme")


def _facet_rows(filters: PartnershipFilters) -> dict[str, list[dict]]:
    """Every facet's counts in one query.

    A facet's counts apply every other filter but its own, so a visitor sees what choosing
    another value would give: the matching rows are found once for the facets without a
    selection (``m``), and once more for each facet with one, all in CTEs of one statement.
    Counts over every published partnership are the stored ones (``LISTING``).
    """
    if filters.is_empty:
        return _parse_facet_rows(facet_store.stored(LISTING), combined=True)
    ctes, cte_params, parts, part_params = [], [], [], []
    # A search or a filter by a name finds a few hundred rows: found once and set aside, for
    # the several counts that read them. A phase, status or year alone keeps thousands: each
    # count reads them again from the covering index, faster than writing them aside.
    narrow = any(getattr(filters, name) for name in SELECTIVE)
    materialized = "MATERIALIZED" if narrow else "NOT MATERIALIZED"

    def cte(name: str, skip: str) -> str:
        sql, params = (
            _apply_filters(Partnership.objects.published(), filters, skip=skip)
            .order_by()
            .values(*FACET_COLUMNS)
            .query.sql_with_params()
        )
        ctes.append(f"{name} AS {materialized} ({sql})")
        cte_params.extend(params)
        return name

    everything = cte("m", "")
    combined = not any(getattr(filters, name) for name in COMBINED if name != "total")
    if combined:
        parts.append(COUNTRY_PHASE_STATUS_SQL.format(m=everything))
    stored = []
    for name in FACET_SQL:
        if combined and name in COMBINED:
            continue
        # Counted without its own filter, a facet whose filter is the only one counts every
        # published partnership (the country, phase and status are stored together).
        if name not in COMBINED and filters.without(name).is_empty:
            stored.append(name)
            continue
        source = everything
        if name != "total" and getattr(filters, name):
            source = cte(f"m_{name}", name)
        parts.append(FACET_SQL[name].format(m=source))
    if stored:
        sql, params = facet_store.stored_sql(LISTING, tuple(stored))
        parts.append(sql)
        part_params.extend(params)
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH {', '.join(ctes)} " + " UNION ALL ".join(parts), cte_params + part_params
        )
        return _parse_facet_rows(cursor.fetchall(), combined=combined)


def _parse_facet_rows(fetched, *, combined: bool) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {name: [] for name in FACET_SQL}
    for facet, value, label_sv, label_en, n in fetched:
        if facet == "country_phase_status":
            slug, phase, status = value.split(" ")
            _add_row(rows["country"], slug, n, label_sv=label_sv, label_en=label_en)
            _add_row(rows["phase"], phase, n)
            _add_row(rows["status"], status, n)
            _add_row(rows["total"], "", n)
            continue
        rows[facet].append({"value": value, "label_sv": label_sv, "label_en": label_en, "n": n})
    if combined and not rows["total"]:
        rows["total"].append({"value": "", "label_sv": "", "label_en": "", "n": 0})
    return rows


def _add_row(rows: list[dict], value: str, n: int, *, label_sv: str = "", label_en: str = ""):
    """Add ``n`` to the row of ``value`` (a few dozen rows at most: a scan is enough)."""
    for row in rows:
        if row["value"] == value:
            row["n"] += n
            return
    rows.append({"value": value, "label_sv": label_sv, "label_en": label_en, "n": n})


def partnership_facets(filters: PartnershipFilters) -> dict[str, Facet]:
    """For each filter, its values with the number of partnerships each would give (one query,
    ``_facet_rows``)."""
    return partnership_facets_and_total(filters)[0]


def partnership_facets_and_total(filters: PartnershipFilters) -> tuple[dict[str, Facet], int]:
    """``partnership_facets`` and the number of partnerships matching every filter, counted in
    the same query (the list's pages need no count of their own)."""
    rows = _facet_rows(filters)
    facets: dict[str, Facet] = {}
    label = _label(active_language())

    def named(name: str, selected) -> list[FacetOption]:
        return _options(rows[name], selected, "value", label)

    slug = filters.country and filters.country.slug
    facets["country"] = Facet(
        "country", _ensure_selected(named("country", slug), slug, str(filters.country or ""))
    )
    slug = filters.organisation and filters.organisation.slug
    facets["organisation"] = Facet(
        "organisation",
        _ensure_selected(
            named("organisation", slug),
            slug,
            filters.organisation.short_name if filters.organisation else "",
            # A partner abroad (from its organisation page) is not among the Swedish options:
            # it shows the number of partnerships matching everything, itself included.
            count=rows["total"][0]["n"]
            if filters.organisation and not filters.organisation.is_swedish
            else 0,
        ),
    )
    code = filters.county and filters.county.code
    facets["county"] = Facet(
        "county", _ensure_selected(named("county", code), code, str(filters.county or ""))
    )
    slug = filters.theme and filters.theme.slug
    facets["theme"] = Facet(
        "theme", _ensure_selected(named("theme", slug), slug, str(filters.theme or ""))
    )
    facets["phase"] = _choice_facet(filters, "phase", Partnership.Phase.choices, rows["phase"])
    facets["status"] = _choice_facet(filters, "status", Partnership.Status.choices, rows["status"])
    facets["year"] = Facet(
        "year",
        _ensure_selected(
            _year_options(filters, rows["year"]), filters.year, str(filters.year or "")
        ),
    )
    return facets, rows["total"][0]["n"] if rows["total"] else 0


def partnership_facets_resolving_search(
    filters: PartnershipFilters,
) -> tuple[PartnershipFilters, dict[str, Facet], int]:
    """``partnership_facets_and_total`` for filters whose search has not yet decided between
    every word and any word, with the filters as decided. With only words to filter by, the
    facets' own total decides (nothing with every word: counted again with any), saving the
    query ``with_search_resolved`` asks first, which it still does when other filters apply."""
    if filters.q and filters.any_word is None:
        if not search.has_several_words(search.parse_terms(filters.q)):
            filters = replace(filters, any_word=False)
        elif filters.without("q").is_empty:
            every_word = replace(filters, any_word=False)
            facets, total = partnership_facets_and_total(every_word)
            if total:
                return every_word, facets, total
            filters = replace(filters, any_word=True)
        else:
            filters = with_search_resolved(filters)
    facets, total = partnership_facets_and_total(filters)
    return filters, facets, total


def _year_options(filters: PartnershipFilters, rows: list[dict]) -> list[FacetOption]:
    """Each year with the number of matching partnerships active in it, from the counts per
    (start, end) year."""
    this_year = timezone.localdate().year  # the year in Sweden
    counts: dict[int, int] = {}
    for row in rows:
        start = int(row["value"])
        last = int(row["label_sv"]) if row["label_sv"] else max(this_year, start)
        for year in range(start, last + 1):
            counts[year] = counts.get(year, 0) + row["n"]
    return [
        FacetOption(value=str(year), label=str(year), count=count, selected=filters.year == year)
        for year, count in sorted(counts.items(), reverse=True)
    ]


def year_bounds() -> tuple[int, int]:
    return 1995, timezone.localdate().year + 5


# --- Detail pages --------------------------------------------------------------------------


def partnership_get_public(slug: str, *, include_drafts: bool = False) -> Partnership | None:
    """The partnership for its detail page with everything the page shows, or None."""
    queryset = Partnership.objects.all() if include_drafts else Partnership.objects.published()
    queryset = queryset.select_related("country", "network", "lead_image").prefetch_related(
        Prefetch(
            "swedish_organisations",
            queryset=Organisation.objects.select_related("county").order_by("short_name"),
        ),
        Prefetch("partner_organisations", queryset=Organisation.objects.order_by("short_name")),
        Prefetch("themes", queryset=Theme.objects.order_by("ordering", "name_sv")),
        Prefetch("images", queryset=PartnershipImage.objects.select_related("image")),
        Prefetch(
            "stories",
            queryset=Story.objects.published()
            .select_related("lead_image")
            .order_by("-date", "-pk"),
        ),
    )
    return queryset.filter(slug=slug).first()


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a partnership's timeline: ``kind`` is "start", "story", "end" or "now"."""

    kind: str
    year: int | None
    story: Story | None = None


def partnership_timeline(partnership: Partnership) -> list[TimelineEntry]:
    """The partnership's start, its published stories and its end (or "now"), oldest first.

    Stories come in date order (a story dated before the start year comes before it); in the
    start year the start comes first, in the end year the end comes last. Uses the stories
    prefetched by ``partnership_get_public``.
    """
    keyed = [
        ((partnership.start_year, 0, date.min, 0), TimelineEntry("start", partnership.start_year))
    ]
    for story in partnership.stories.all():
        entry = TimelineEntry("story", story.date.year, story)
        keyed.append(((story.date.year, 1, story.date, story.pk), entry))
    if partnership.end_year:
        end = TimelineEntry("end", partnership.end_year)
        keyed.append(((partnership.end_year, 2, date.min, 0), end))
    keyed.sort(key=lambda item: item[0])
    entries = [entry for _key, entry in keyed]
    if not partnership.end_year:
        entries.append(TimelineEntry("now", None))
    return entries


def partnership_related(partnership: Partnership, *, limit: int = 6) -> QuerySet[Partnership]:
    """Other published partnerships of the same organisations, on either side."""
    organisations = [
        *partnership.swedish_organisations.all(),
        *partnership.partner_organisations.all(),
    ]
    ids = Q(
        pk__in=SwedishParty.objects.filter(organisation__in=organisations).values("partnership_id")
    )
    ids |= Q(
        pk__in=PartnerParty.objects.filter(organisation__in=organisations).values("partnership_id")
    )
    queryset = Partnership.objects.published().filter(ids).exclude(pk=partnership.pk)
    return _for_cards(queryset.order_by("-start_year", "title_sv", "pk"))[:limit]


def partnership_export(filters: PartnershipFilters) -> QuerySet[Partnership]:
    """Everything the open-data files hold, for every matching partnership."""
    return partnership_list_public(filters, whole=True).select_related("network")


def _choice_facet(filters: PartnershipFilters, field: str, choices, rows: list[dict]) -> Facet:
    """A facet over a field with fixed choices (phase, status), in the choices' own order."""
    labels = dict(choices)
    order = list(labels)
    return Facet(
        field,
        _options(
            rows,
            getattr(filters, field),
            "value",
            lambda row: str(labels.get(row["value"], row["value"])),
            sort_key=lambda option: order.index(option.value) if option.value in order else 99,
        ),
    )


def organisation_get(slug: str) -> Organisation | None:
    return Organisation.objects.select_related("country", "county").filter(slug=slug).first()


def country_list_with_counts() -> list[Country]:
    """Partner countries that have a published partnership, with active and total counts."""
    published = Q(partnerships__is_published=True)
    return list(
        Country.objects.partners()
        .annotate(
            total=Count("partnerships", filter=published),
            active=Count("partnerships", filter=published & Q(partnerships__status="active")),
        )
        .filter(total__gt=0)
        .order_by_name()
    )


def active_partnerships_by_country(
    *, countries: list[Country] | None = None, per_country: int = 5
) -> list[tuple[Country, list[Partnership]]]:
    """The newest active partnerships of each partner country (``per_country`` at most),
    grouped by country in alphabetical order; one query (plus the card prefetches) whatever
    the number of rows. Pass ``countries`` from ``country_list_with_counts()`` to group
    under those (annotated) objects."""
    known = {country.code: country for country in countries or []}
    newest = Window(
        RowNumber(),
        partition_by=F("country_id"),
        order_by=[F("start_year").desc(), F("title_sv").asc(), F("pk").asc()],
    )
    partnerships = _for_cards(
        Partnership.objects.published()
        .active()
        .annotate(position=newest)
        .filter(position__lte=per_country)
        .order_by("country_id", "position")
    )
    groups: dict[str, tuple[Country, list[Partnership]]] = {}
    for partnership in partnerships:
        country = known.get(partnership.country_id, partnership.country)
        groups.setdefault(partnership.country_id, (country, []))[1].append(partnership)
    return sorted(groups.values(), key=lambda group: group[0].name.casefold())


def country_get(slug: str) -> Country | None:
    return Country.objects.partners().filter(slug=slug).first()


def partnership_counts(partnerships: QuerySet[Partnership]) -> dict[str, int]:
    """How many of these partnerships there are, active and in all (one aggregate query)."""
    return partnerships.order_by().aggregate(
        total=Count("pk"), active=Count("pk", filter=Q(status=Partnership.Status.ACTIVE))
    )


def theme_list_with_counts() -> list[Theme]:
    published = Q(partnerships__is_published=True)
    return list(
        Theme.objects.annotate(
            total=Count("partnerships", filter=published),
            active=Count("partnerships", filter=published & Q(partnerships__status="active")),
        ).order_by("ordering", "name_sv")
    )


def organisation_list_with_counts() -> list[Organisation]:
    """Organisations on either side of a published partnership, with active and total counts:
    Swedish ones first, then partner organisations by country (one query)."""

    def counted(through, status: str | None = None):
        rows = through.objects.filter(organisation=OuterRef("pk"), partnership__is_published=True)
        if status:
            rows = rows.filter(partnership__status=status)
        counts = rows.order_by().values("organisation").annotate(n=Count("partnership_id"))
        return Coalesce(Subquery(counts.values("n")), 0)

    return list(
        Organisation.objects.select_related("country")
        .annotate(
            total=counted(SwedishParty) + counted(PartnerParty),
            active=counted(SwedishParty, "active") + counted(PartnerParty, "active"),
            on_swedish_side=Q(kind__in=Organisation.SWEDISH_KINDS),
        )
        .filter(total__gt=0)
        .order_by(
            "-on_swedish_side", fallback_expression("country__name", active_language()), "slug"
        )
    )


def theme_get(slug: str) -> Theme | None:
    return Theme.objects.filter(slug=slug).first()


# --- Maps -----------------------------------------------------------------------------------


def swedish_party_counts() -> dict[str, dict]:
    """Per Swedish organisation with a published partnership: its counts, keyed by slug."""
    rows = (
        SwedishParty.objects.filter(partnership__is_published=True)
        .values(
            "organisation__slug",
            "organisation__short_name",
            "organisation__name_sv",
            "organisation__name_en",
            "organisation__kind",
            "organisation__code",
            "organisation__county__name_sv",
            "organisation__county__name_en",
        )
        .annotate(
            total=Count("partnership_id", distinct=True),
            active=Count("partnership_id", distinct=True, filter=Q(partnership__status="active")),
        )
    )
    return {row["organisation__slug"]: row for row in rows}


def country_counts() -> dict[str, dict]:
    """Per partner country with a published partnership: its counts, keyed by ISO code."""
    rows = (
        Partnership.objects.published()
        .values("country__code", "country__slug", "country__name_sv", "country__name_en")
        .annotate(total=Count("pk"), active=Count("pk", filter=Q(status="active")))
    )
    return {row["country__code"]: row for row in rows}
