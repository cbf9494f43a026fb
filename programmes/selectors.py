"""Reads for programme pages and for the other apps.

Every function returns a queryset (or a list built from a fixed number of queries), so a page
runs the same number of queries whatever the amount of data.

Used by other apps:

* ``figures()``: ``[{"label": lazy str, "value": int}, ...]`` for the home page; one query each.
* ``open_programmes()``: published programmes taking applications today (Europe/Stockholm).
* ``programmes_for_country(country)``: published programmes a country's officials may apply to.
* ``programmes_for_theme(theme)``: published programmes on a theme.
* ``hosted_visits_for_organisation(organisation)``: visits the organisation has hosted, only if
  it agreed to be listed as a host.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, F, OuterRef, Prefetch, QuerySet
from django.db.models.functions import Greatest, Least
from django.utils.translation import gettext_lazy as _

from core.i18n import active_language
from programmes.models import (
    HostingKind,
    HostingOffer,
    HostingPeriod,
    Intake,
    Phase,
    Programme,
    ScheduledVisit,
    today,
)
from reference.models import Country, Organisation, Theme

# A team on a two-day placement has two to four people.
PLACEMENT_TEAM_SIZE = 2
DAYS_NEEDED = {HostingKind.GROUP_VISIT: 1, HostingKind.PLACEMENT: 2}


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
    *, country: Country | None = None, theme: Theme | None = None, open_only: bool = False
) -> QuerySet[Programme]:
    queryset = Programme.objects.all()
    if country is not None:
        queryset = queryset.filter(eligible_countries=country)
    if theme is not None:
        queryset = queryset.filter(themes=theme)
    queryset = _programme_cards(queryset)
    if open_only:
        queryset = queryset.filter(is_open=True)
    return queryset


def programme_filter_options() -> dict[str, list]:
    """The countries and themes that at least one published programme has (two queries)."""
    published = Programme.objects.published()
    countries = list(Country.objects.filter(programmes__in=published).distinct().order_by_name())
    themes = list(Theme.objects.filter(programmes__in=published).distinct())
    return {"countries": countries, "themes": themes}


def programme_get_for_detail(*, slug: str) -> Programme | None:
    return (
        Programme.objects.published()
        .with_open_intake()
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


def hosts_public(*, on: date | None = None) -> QuerySet[Organisation]:
    """Municipalities and regions that hosted a visit and agreed to be listed, with the visits."""
    visits = ScheduledVisit.objects.hosted(on).listed()
    return (
        Organisation.objects.filter(Exists(visits.filter(host=OuterRef("pk"))))
        .select_related("county")
        .prefetch_related(
            Prefetch(
                "hosted_visits",
                queryset=visits.select_related("intake__programme").order_by("-starts_on"),
                to_attr="listed_visits",
            )
        )
        .order_by(f"county__name_{active_language()}", "short_name")
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


def hosted_visits_for_organisation(organisation: Organisation) -> QuerySet[ScheduledVisit]:
    """Visits ``organisation`` has hosted (over, confirmed or completed), newest first.

    Empty unless the host agreed to be listed publicly for the visit.
    """
    return (
        ScheduledVisit.objects.hosted()
        .listed()
        .filter(host=organisation)
        .filter(intake__programme__is_published=True)
        .select_related("intake__programme")
        .order_by("-starts_on")
    )


# --- Admin -----------------------------------------------------------------------------------


@dataclass
class OfferSuggestion:
    offer: HostingOffer
    kind: str
    window_start: date
    window_end: date
    booked: bool


def offers_suggested_for_intake(intake: Intake, *, limit: int = 20) -> list[OfferSuggestion]:
    """Offers that fit an intake's phase in Sweden.

    An offer fits when it is still active, offers a kind of hosting, has a period that overlaps
    the phase in Sweden by at least the days that kind needs (one day for a group visit, two for
    a placement), shares a theme with the programme (when the programme has themes), and can
    receive enough visitors (the whole intake for a group visit, a team for a placement).
    Hosts already booked in that window are kept but marked.
    """
    phase = next((p for p in intake.phases.all() if p.kind == Phase.Kind.SWEDEN), None)
    start, end = (phase.starts_on, phase.ends_on) if phase else (intake.starts_on, intake.ends_on)
    programme_themes = list(intake.programme.themes.values_list("pk", flat=True))

    suggestions: list[OfferSuggestion] = []
    seen: set[tuple[int, str]] = set()
    for kind, needed_visitors in (
        (HostingKind.GROUP_VISIT, intake.participants),
        (HostingKind.PLACEMENT, PLACEMENT_TEAM_SIZE),
    ):
        periods = (
            HostingPeriod.objects.filter(
                offer__status__in=HostingOffer.ACTIVE_STATUSES,
                offer__hosting_kinds__contains=[kind],
                offer__capacity__gte=needed_visitors,
                starts_on__lte=end,
                ends_on__gte=start,
            )
            .annotate(window_start=Greatest("starts_on", start), window_end=Least("ends_on", end))
            .filter(window_end__gte=F("window_start") + timedelta(days=DAYS_NEEDED[kind] - 1))
            .select_related("offer__organisation")
            .annotate(
                booked=Exists(
                    ScheduledVisit.objects.active().filter(
                        host=OuterRef("offer__organisation"),
                        starts_on__lte=end,
                        ends_on__gte=start,
                    )
                )
            )
            .order_by("booked", "offer__created_at")
        )
        if programme_themes:
            periods = periods.filter(offer__themes__in=programme_themes).distinct()
        for period in periods[:limit]:
            if (period.offer_id, kind) in seen:
                continue
            seen.add((period.offer_id, kind))
            suggestions.append(
                OfferSuggestion(
                    offer=period.offer,
                    kind=kind,
                    window_start=period.window_start,
                    window_end=period.window_end,
                    booked=period.booked,
                )
            )
    return suggestions


def visits_for_export(queryset: QuerySet[ScheduledVisit] | None = None) -> QuerySet[ScheduledVisit]:
    queryset = ScheduledVisit.objects.all() if queryset is None else queryset
    return queryset.select_related("intake__programme", "host__county", "offer").order_by(
        "starts_on", "host__short_name"
    )
