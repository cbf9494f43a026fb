"""Reads of scheduled visits: who has hosted (public pages, organisation pages) and exports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from core.i18n import active_language
from programmes.models import HostingKind, Intake, Phase, ScheduledVisit
from reference.models import Organisation


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


def visits_for_export(queryset: QuerySet[ScheduledVisit] | None = None) -> QuerySet[ScheduledVisit]:
    queryset = ScheduledVisit.objects.all() if queryset is None else queryset
    return queryset.select_related("intake__programme", "host__county", "offer").order_by(
        "starts_on", "host__short_name"
    )


# --- An intake's phase in Sweden as a calendar of visits ------------------------------------


@dataclass
class CalendarDay:
    day: date
    visits: list[ScheduledVisit]
    # Participants away on a visit that day (placements add up; a group visit takes all).
    placed: int

    @property
    def is_weekend(self) -> bool:
        return self.day.isoweekday() >= 6


@dataclass
class CalendarWeek:
    number: int
    days: list[CalendarDay]

    @property
    def first(self) -> date:
        return self.days[0].day

    @property
    def last(self) -> date:
        return self.days[-1].day


@dataclass
class TimelineBar:
    """One visit drawn on the timeline: in units of the SVG's viewBox."""

    visit: ScheduledVisit
    x: float
    y: float
    width: float


@dataclass
class PhaseCalendar:
    intake: Intake
    phase: Phase | None
    weeks: list[CalendarWeek] = field(default_factory=list)
    outside: list[ScheduledVisit] = field(default_factory=list)
    bars: list[TimelineBar] = field(default_factory=list)
    day_ticks: list[tuple[float, date]] = field(default_factory=list)
    day_width: float = 0
    height: int = 0

    WIDTH = 1000
    LABEL_WIDTH = 260
    ROW = 30
    HEADER = 34

    @property
    def visit_count(self) -> int:
        return len(self.bars) + len(self.outside)


def intake_sweden_phase_calendar(intake: Intake) -> PhaseCalendar:
    """The visits of ``intake`` (not cancelled) day by day through its phase in Sweden.

    Visits outside the phase are listed apart. Three queries whatever the number of visits.
    """
    phase = (
        Phase.objects.filter(intake=intake, kind=Phase.Kind.SWEDEN).order_by("starts_on").first()
    )
    visits = list(
        ScheduledVisit.objects.active()
        .filter(intake=intake)
        .select_related("host", "offer")
        .order_by("starts_on", "host__short_name")
    )
    calendar = PhaseCalendar(intake=intake, phase=phase)
    if phase is None:
        calendar.outside = visits
        return calendar
    inside = [v for v in visits if v.starts_on <= phase.ends_on and v.ends_on >= phase.starts_on]
    calendar.outside = [v for v in visits if v not in inside]
    days = (phase.ends_on - phase.starts_on).days + 1
    weeks: dict[tuple[int, int], CalendarWeek] = {}
    for offset in range(days):
        day = phase.starts_on + timedelta(days=offset)
        todays = [v for v in inside if v.starts_on <= day <= v.ends_on]
        group = any(v.kind == HostingKind.GROUP_VISIT for v in todays)
        placed = intake.participants if group else sum(v.participants for v in todays)
        year, week, _weekday = day.isocalendar()
        weeks.setdefault((year, week), CalendarWeek(number=week, days=[])).days.append(
            CalendarDay(day=day, visits=todays, placed=min(placed, intake.participants))
        )
    calendar.weeks = list(weeks.values())
    day_width = (PhaseCalendar.WIDTH - PhaseCalendar.LABEL_WIDTH) / days
    calendar.day_width = day_width
    calendar.day_ticks = [
        (PhaseCalendar.LABEL_WIDTH + offset * day_width, phase.starts_on + timedelta(days=offset))
        for offset in range(days)
    ]
    for row, visit in enumerate(inside):
        first = max(visit.starts_on, phase.starts_on)
        last = min(visit.ends_on, phase.ends_on)
        calendar.bars.append(
            TimelineBar(
                visit=visit,
                x=PhaseCalendar.LABEL_WIDTH + (first - phase.starts_on).days * day_width,
                y=PhaseCalendar.HEADER + row * PhaseCalendar.ROW,
                width=((last - first).days + 1) * day_width,
            )
        )
    calendar.height = PhaseCalendar.HEADER + max(len(inside), 1) * PhaseCalendar.ROW + 4
    return calendar
