"""Reads of hosting offers: which offers fit an intake (for the intake's admin page)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Greatest, Least

from programmes.models import (
    HostingKind,
    HostingOffer,
    HostingPeriod,
    Intake,
    Phase,
    ScheduledVisit,
)

# A team on a two-day placement has two to four people.
PLACEMENT_TEAM_SIZE = 2
DAYS_NEEDED = {HostingKind.GROUP_VISIT: 1, HostingKind.PLACEMENT: 2}


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
