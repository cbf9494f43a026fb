"""Reads of programmes, their intakes and phases: the list, the detail page, the home page."""

from __future__ import annotations

from datetime import date

from django.db.models import F, Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from core import search
from programmes.models import Intake, Phase, Programme, ScheduledVisit, today
from reference.models import Country, Theme


def _intakes_prefetch(*, with_phases: bool = False) -> Prefetch:
    queryset = Intake.objects.order_by("starts_on")
    if with_phases:
        phases = Phase.objects.order_by("starts_on")
        queryset = queryset.prefetch_related(Prefetch("phases", queryset=phases))
    return Prefetch("intakes", queryset=queryset)


def _programme_cards(queryset: QuerySet[Programme]) -> QuerySet[Programme]:
    """What a programme card shows: status (from intakes), themes and countries."""
    return (
        queryset.published()
        .with_open_intake()
        .prefetch_related(
            _intakes_prefetch(),
            Prefetch("themes", Theme.objects.order_by("ordering", "name_sv")),
            Prefetch("eligible_countries", Country.objects.order_by_name()),
        )
        .order_by("-is_open", "ordering", "title_sv")
    )


# --- Pages of this app -----------------------------------------------------------------------


def programme_list_public(
    *,
    country: Country | None = None,
    theme: Theme | None = None,
    open_only: bool = False,
    q: str = "",
) -> QuerySet[Programme]:
    """Published programmes, open ones first; for a search (``q``), the best match first."""
    queryset = Programme.objects.all()
    if country is not None:
        queryset = queryset.filter(eligible_countries=country)
    if theme is not None:
        queryset = queryset.filter(themes=theme)
    queryset = _programme_cards(queryset)
    if open_only:
        queryset = queryset.filter(is_open=True)
    if q:
        queryset = search.ranked(queryset, q).queryset.order_by(
            F("rank").desc(), "-is_open", "ordering", "title_sv"
        )
    return queryset


def programme_filter_options() -> dict[str, list]:
    """The countries and themes that at least one published programme has (two queries)."""
    published = Programme.objects.published()
    countries = list(Country.objects.filter(programmes__in=published).distinct().order_by_name())
    themes = list(Theme.objects.filter(programmes__in=published).distinct())
    return {"countries": countries, "themes": themes}


def programme_get_for_detail(*, slug: str, include_drafts: bool = False) -> Programme | None:
    shown = Programme.objects.all() if include_drafts else Programme.objects.published()
    return (
        shown.with_open_intake()
        .prefetch_related(
            _intakes_prefetch(with_phases=True),
            Prefetch("themes", Theme.objects.order_by("ordering", "name_sv")),
            Prefetch("eligible_countries", Country.objects.order_by_name()),
        )
        .filter(slug=slug)
        .first()
    )


def sweden_phases_upcoming(*, on: date | None = None, limit: int = 8) -> QuerySet[Phase]:
    """Phases in Sweden still to come: when groups may visit a host."""
    on = on or today()
    return (
        Phase.objects.filter(
            kind=Phase.Kind.SWEDEN, ends_on__gte=on, intake__programme__is_published=True
        )
        .select_related("intake__programme")
        .order_by("starts_on")[:limit]
    )


# --- For other apps --------------------------------------------------------------------------


def figures() -> list[dict]:
    """Headline figures for the home page; each value comes from one query."""
    published = Programme.objects.published()
    return [
        {"label": _("training programmes"), "value": published.count()},
        {
            "label": _("programmes open for applications"),
            "value": published.open_for_applications().count(),
        },
        {
            "label": _("Swedish municipalities and regions have hosted study visits"),
            "value": ScheduledVisit.objects.hosted().listed().values("host").distinct().count(),
        },
    ]


def open_programmes() -> QuerySet[Programme]:
    """Published programmes taking applications today, soonest deadline first."""
    return _programme_cards(Programme.objects.open_for_applications())


def programmes_for_country(country: Country) -> QuerySet[Programme]:
    """Published programmes whose participants may come from ``country``; open ones first."""
    return _programme_cards(Programme.objects.filter(eligible_countries=country))


def programmes_for_theme(theme: Theme) -> QuerySet[Programme]:
    """Published programmes on ``theme``; open ones first."""
    return _programme_cards(Programme.objects.filter(themes=theme))
