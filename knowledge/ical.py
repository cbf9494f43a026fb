"""Events as calendar entries: one .ics per event and the subscribable feeds (core.ical writes
the format)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.translation import gettext

from core import ical
from knowledge.models import Event

# A named calendar is a feed someone subscribed to: calendar apps fetch it again this often.
FEED_REFRESH = timedelta(hours=6)


def event_entry(event: Event, *, private: bool = False) -> ical.CalendarEntry:
    """The event in the active language; its page link ends the description and is its URL.

    ``private``: the file attached to a confirmation, which may carry the meeting link."""
    url = settings.ICLD_SITE_URL + event.get_absolute_url()
    location = ", ".join(part for part in (event.venue, event.city) if part)
    if event.online_url:
        # With sign-up, the meeting link is only in the confirmation email, never public.
        public = not event.registration_enabled or private
        online = event.online_url if public else gettext("Online")
        location = f"{location} ({online})" if location else online
    description = " ".join(strip_tags(event.summary or event.description).split())
    return ical.CalendarEntry(
        uid=f"event-{event.pk}@icld.se",
        summary=str(event.title),
        starts=event.starts_at,
        ends=event.ends_at,
        description=f"{description}\n\n{url}" if description else url,
        location=location,
        url=url,
        status="CANCELLED" if event.is_cancelled else "CONFIRMED",
        last_modified=event.updated_at,
        sequence=event.calendar_sequence,
    )


def calendar(events: Iterable[Event], *, name: str = "", private: bool = False) -> str:
    """A VCALENDAR with the events, in the active language; ``name`` makes it a feed."""
    return ical.calendar(
        (event_entry(event, private=private) for event in events),
        name=str(name),
        refresh=FEED_REFRESH if name else None,
    )
