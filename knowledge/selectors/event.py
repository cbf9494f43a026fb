"""Reads of seminars and their sign-ups: lists, detail pages, seats, calendars, cancel links."""

from __future__ import annotations

from datetime import timedelta

from django.core import signing
from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from core import search
from knowledge.models import Event, Registration
from knowledge.services import CANCEL_SALT


def upcoming_events(*, limit: int = 3) -> QuerySet[Event]:
    """The next events that have not ended, soonest first."""
    return Event.objects.upcoming()[:limit]


def events_for_theme(theme, *, limit: int = 6) -> QuerySet[Event]:
    """Upcoming events on a theme, soonest first."""
    return Event.objects.upcoming().filter(themes=theme)[:limit]


def events_for_country(country, *, limit: int = 6) -> QuerySet[Event]:
    """Upcoming events about a country, soonest first."""
    return Event.objects.upcoming().filter(countries=country)[:limit]


def events_for_organisation(organisation, *, limit: int = 6) -> QuerySet[Event]:
    """Upcoming events an organisation hosts or takes part in, soonest first."""
    return _with_seats(Event.objects.upcoming().filter(organisations=organisation))[:limit]


def _with_seats(qs: QuerySet[Event]) -> QuerySet[Event]:
    # Counted per event shown (an index-only count in ``knowledge_reg_queue``), not by joining
    # every registration of every matching event and grouping before the page is cut.
    confirmed = (
        Registration.objects.filter(event_id=OuterRef("pk"), status=Registration.Status.CONFIRMED)
        .order_by()
        .values("event_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return qs.annotate(
        confirmed_count=Coalesce(Subquery(confirmed, output_field=IntegerField()), 0)
    )


class UpcomingThenPast:
    """The event list as one sequence to page through: upcoming events soonest first, then past
    events latest first. A page reads only the rows it shows (one count of both parts, then a
    slice of each part the page reaches); each event knows which part it is in (``is_past``),
    so the page can head each part."""

    def __init__(self, now=None):
        self.now = now or timezone.now()
        self.upcoming = _with_seats(Event.objects.upcoming(self.now))
        # Seats matter only to events one can still sign up for.
        self.past = Event.objects.past(self.now)
        self._counts = None

    def counts(self) -> tuple[int, int]:
        if self._counts is None:
            counts = Event.objects.published().aggregate(
                upcoming=Count("pk", filter=Q(ends_at__gte=self.now)),
                past=Count("pk", filter=Q(ends_at__lt=self.now)),
            )
            self._counts = (counts["upcoming"], counts["past"])
        return self._counts

    def count(self) -> int:
        return sum(self.counts())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("UpcomingThenPast is read by pages (slices) only")
        start, stop = index.start or 0, index.stop
        upcoming_count = self.counts()[0]
        rows = []
        if start < upcoming_count:
            for event in self.upcoming[start : min(stop, upcoming_count)]:
                event.is_past = False
                rows.append(event)
        if stop > upcoming_count:
            past = list(self.past[max(start - upcoming_count, 0) : stop - upcoming_count])
            for event in past:
                event.is_past = True
            rows += past
        return rows


def events_for_list(now=None) -> UpcomingThenPast:
    """Every published event, upcoming first (soonest first) then past (latest first), for
    :func:`core.pagination.paginate`."""
    return UpcomingThenPast(now)


def events_search(text: str) -> QuerySet[Event]:
    """Published events matching a visitor's search, upcoming and past, best match first."""
    found = search.ranked(Event.objects.published().defer("search_vector"), text)
    return _with_seats(found.queryset).order_by(F("rank").desc(), "-starts_at", "pk")


def event_get_for_detail(slug: str, *, include_drafts: bool = False) -> Event | None:
    events = Event.objects.all() if include_drafts else Event.objects.published()
    return (
        _with_seats(events.filter(slug=slug))
        .annotate(waiting_count=Count("registrations", filter=Q(registrations__status="waiting")))
        .prefetch_related("speakers", "themes", "countries")
        .first()
    )


def event_get(slug: str) -> Event | None:
    return Event.objects.published().filter(slug=slug).first()


def seats_left(event: Event) -> int | None:
    """Free seats (None: no limit); uses ``confirmed_count`` when the selector annotated it.

    None are free to a newcomer while anyone waits: a freed seat goes to the waiting list."""
    if event.capacity is None:
        return None
    if getattr(event, "waiting_count", 0):
        return 0
    confirmed = getattr(event, "confirmed_count", None)
    if confirmed is None:
        confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
    return max(0, event.capacity - confirmed)


def events_for_calendar_feed() -> QuerySet[Event]:
    """Upcoming events and those of the last six months, for subscribed calendars."""
    since = timezone.now() - timedelta(days=183)
    return Event.objects.published().filter(ends_at__gte=since).order_by("starts_at", "pk")


def registration_from_cancel_token(token: str) -> Registration | None:
    """The registration a signed cancel link names, or None for a forged or broken link."""
    try:
        data = signing.loads(token, salt=CANCEL_SALT)
        pk, token_part = int(data["r"]), str(data["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    registration = Registration.objects.select_related("event").filter(pk=pk).first()
    if registration is None or registration.submission_token.hex[:12] != token_part:
        return None
    return registration


def registrations_for_export(event_ids: list[int]) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(event_id__in=event_ids)
        .select_related("event")
        .order_by("event__starts_at", "event_id", F("status").desc(), "created_at", "pk")
    )
