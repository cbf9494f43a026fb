"""Reads for the figures page: the headline figures' lists and the data behind each chart.

Every figure and chart counts published partnerships only, and says what it counts: a
partnership is "active in a year" from its start year to its end year (or this year while it
goes on); a partnership with several themes counts under each of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from core.i18n import active_language
from partnerships.models import Partnership

PartnershipTheme = Partnership.themes.through
ACTIVE = Partnership.Status.ACTIVE


@dataclass(frozen=True)
class YearRow:
    year: int
    started: int
    active: int


@dataclass(frozen=True)
class CountRow:
    """One bar: a country or a theme with its active and completed partnerships."""

    key: str  # the country's ISO code or the theme's slug
    slug: str
    name_sv: str
    name_en: str
    active: int
    completed: int

    @property
    def total(self) -> int:
        return self.active + self.completed

    @property
    def name(self) -> str:
        return (self.name_en if active_language() == "en" else self.name_sv) or self.name_sv


def partnerships_by_year() -> list[YearRow]:
    """For each year from the first start year to this year: partnerships started in it and
    partnerships active in it. One query, grouped by (start, end) year."""
    this_year = timezone.localdate().year
    rows = (
        Partnership.objects.published()
        .values("start_year", "end_year")
        .annotate(n=Count("pk"))
        .order_by()
    )
    started: dict[int, int] = {}
    active: dict[int, int] = {}
    for row in rows:
        started[row["start_year"]] = started.get(row["start_year"], 0) + row["n"]
        last = row["end_year"] or max(this_year, row["start_year"])
        for year in range(row["start_year"], last + 1):
            active[year] = active.get(year, 0) + row["n"]
    if not started:
        return []
    first, last = min(started), max(this_year, max(active))
    return [
        YearRow(year, started.get(year, 0), active.get(year, 0)) for year in range(first, last + 1)
    ]


def _count_rows(rows, key: str, prefix: str) -> list[CountRow]:
    result = [
        CountRow(
            key=str(row[key]),
            slug=row[f"{prefix}__slug"],
            name_sv=row[f"{prefix}__name_sv"],
            name_en=row[f"{prefix}__name_en"],
            active=row["active"],
            completed=row["completed"],
        )
        for row in rows
    ]
    # Most partnerships first; equal ones by name in the reader's language.
    result.sort(key=lambda row: (-row.total, row.name.casefold()))
    return result


def partnerships_by_country() -> list[CountRow]:
    """Each partner country with a published partnership: active and completed ones."""
    rows = (
        Partnership.objects.published()
        .values("country__code", "country__slug", "country__name_sv", "country__name_en")
        .annotate(
            active=Count("pk", filter=Q(status=ACTIVE)),
            completed=Count("pk", filter=~Q(status=ACTIVE)),
        )
        .order_by()
    )
    return _count_rows(rows, "country__code", "country")


def partnerships_by_theme() -> list[CountRow]:
    """Each theme of a published partnership: its active and completed partnerships."""
    rows = (
        PartnershipTheme.objects.filter(partnership__is_published=True)
        .values("theme__slug", "theme__name_sv", "theme__name_en")
        .annotate(
            active=Count("partnership_id", filter=Q(partnership__status=ACTIVE)),
            completed=Count("partnership_id", filter=~Q(partnership__status=ACTIVE)),
        )
        .order_by()
    )
    return _count_rows(rows, "theme__slug", "theme")
