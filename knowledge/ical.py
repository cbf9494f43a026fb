"""iCalendar (RFC 5545) for events: one .ics per event and a subscribable feed.

Written by hand because it is small: text values are escaped (backslash,
semicolon, comma, newline), content lines are folded at 75 octets without
splitting a UTF-8 character, lines end in CRLF, and times are given in UTC.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext

from knowledge.models import Event

PRODID = "-//ICLD//Knowledge Centre//EN"


def escape_text(value: str) -> str:
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Split a content line into chunks of at most 75 octets, continued with CRLF + space."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current, size, limit = [], [], 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, 74  # continuation lines start with one space
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def format_utc(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _line(name: str, value: str) -> str:
    return fold(f"{name}:{value}")


def event_lines(event: Event, *, stamp: datetime) -> list[str]:
    url = settings.ICLD_SITE_URL + event.get_absolute_url()
    location = ", ".join(part for part in (event.venue, event.city) if part)
    if event.online_url:
        # With sign-up, the meeting link is only in the confirmation email, never public.
        online = gettext("Online") if event.registration_enabled else event.online_url
        location = f"{location} ({online})" if location else online
    description = " ".join(strip_tags(event.summary or event.description).split())
    description = f"{description}\n\n{url}" if description else url
    lines = [
        "BEGIN:VEVENT",
        _line("UID", f"event-{event.pk}@icld.se"),
        _line("DTSTAMP", format_utc(stamp)),
        _line("DTSTART", format_utc(event.starts_at)),
        _line("DTEND", format_utc(event.ends_at)),
        _line("SUMMARY", escape_text(event.title)),
        _line("DESCRIPTION", escape_text(description)),
        _line("URL", url),
        _line("LAST-MODIFIED", format_utc(event.updated_at)),
        "STATUS:CONFIRMED",
    ]
    if location:
        lines.append(_line("LOCATION", escape_text(location)))
    lines.append("END:VEVENT")
    return lines


def calendar(events: Iterable[Event], *, name: str = "") -> str:
    """A VCALENDAR with the events, in the active language, as text with CRLF line ends."""
    stamp = timezone.now()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if name:
        lines.append(_line("X-WR-CALNAME", escape_text(name)))
        lines.append(_line("NAME", escape_text(name)))
        lines.append("REFRESH-INTERVAL;VALUE=DURATION:PT6H")
    for event in events:
        lines.extend(event_lines(event, stamp=stamp))
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


def calendar_feed_url(language: str) -> str:
    with translation.override(language):
        return settings.ICLD_SITE_URL + reverse("knowledge:calendar_feed")
