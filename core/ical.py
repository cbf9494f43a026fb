"""iCalendar (RFC 5545) for every calendar the portal offers: a seminar's .ics, the calendar
feeds, the programme team's visit calendar.

Apps describe their entries as ``CalendarEntry`` values; the ``icalendar`` library writes them
(escaping, 75-octet line folding, CRLF, UTC times), so no app writes the format by hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import icalendar
from django.utils import timezone

PRODUCT = "-//ICLD//ICLD portal//EN"


@dataclass(frozen=True)
class CalendarEntry:
    """One event. ``starts`` and ``ends`` are aware datetimes, or dates for an all-day entry
    (then ``ends`` is the last day, included). ``status``: CONFIRMED, TENTATIVE or CANCELLED."""

    uid: str
    summary: str
    starts: datetime | date
    ends: datetime | date
    description: str = ""
    location: str = ""
    url: str = ""
    status: str = "CONFIRMED"
    last_modified: datetime | None = None
    # Raised each time the entry changes in a way its attendees are told of (RFC 5545 3.8.7.4):
    # a calendar app replaces the entry it has with the same UID only by a higher SEQUENCE.
    sequence: int = 0


def _when(value: datetime | date) -> datetime | date:
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    return value


def _event(entry: CalendarEntry, stamp: datetime) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", entry.uid)
    # The entry's own change time where known, so an unchanged calendar is the same text on
    # every request (its ETag holds and a calendar app gets 304).
    event.add("dtstamp", entry.last_modified.astimezone(UTC) if entry.last_modified else stamp)
    event.add("dtstart", _when(entry.starts))
    ends = entry.ends
    if not isinstance(ends, datetime):
        ends = ends + timedelta(days=1)  # the end of an all-day entry is exclusive
    event.add("dtend", _when(ends))
    event.add("summary", entry.summary)
    if entry.description:
        event.add("description", entry.description)
    if entry.location:
        event.add("location", entry.location)
    if entry.url:
        event.add("url", entry.url)
    if entry.last_modified:
        event.add("last-modified", entry.last_modified.astimezone(UTC))
    event.add("status", entry.status)
    event.add("sequence", entry.sequence)
    return event


def calendar(
    entries: Iterable[CalendarEntry], *, name: str = "", refresh: timedelta | None = None
) -> str:
    """A VCALENDAR of the entries as text (CRLF line ends). ``name`` titles a subscribed
    calendar; ``refresh`` tells calendar apps how often to fetch it again."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("name", name)
        cal.add("x-wr-calname", name)
    if refresh:
        cal.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
    stamp = timezone.now().astimezone(UTC).replace(microsecond=0)
    for entry in entries:
        cal.add_component(_event(entry, stamp))
    return cal.to_ical().decode("utf-8")


def newest_change(text: str) -> datetime | None:
    """The latest LAST-MODIFIED of a calendar's events (None when none has one)."""
    changes = [
        component.decoded("last-modified")
        for component in icalendar.Calendar.from_ical(text).walk("VEVENT")
        if "last-modified" in component
    ]
    return max(changes, default=None)
