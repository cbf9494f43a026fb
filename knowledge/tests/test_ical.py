"""Events as iCalendar: what a calendar app reads back from a seminar's .ics and the feeds."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.conf import settings
from django.utils import translation

from knowledge import ical
from knowledge.tests.factories import make_event

pytestmark = pytest.mark.django_db
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def read(text: str) -> tuple[icalendar.Calendar, list[icalendar.Event]]:
    parsed = icalendar.Calendar.from_ical(text)
    return parsed, parsed.walk("VEVENT")


def test_an_event_in_stockholm_time_is_written_in_utc():
    event = make_event(
        slug="winter-seminar",
        title_en="Winter, seminar; part 1",
        starts_at=datetime(2026, 12, 9, 13, 0, tzinfo=STOCKHOLM),
        ends_at=datetime(2026, 12, 9, 15, 0, tzinfo=STOCKHOLM),
        venue_en="SKR, Hornsgatan 20",
        city="Stockholm",
        summary_en="Line one\nLine two " + "x" * 100,
    )
    with translation.override("en"):
        text = ical.calendar([event])
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert "DTSTART:20261209T120000Z" in text and "DTEND:20261209T140000Z" in text
    _calendar, [vevent] = read(text)
    assert str(vevent["UID"]) == f"event-{event.pk}@icld.se"
    assert str(vevent["SUMMARY"]) == "Winter, seminar; part 1"
    assert str(vevent["LOCATION"]) == "SKR, Hornsgatan 20, Stockholm"
    with translation.override("en"):
        page = settings.ICLD_SITE_URL + event.get_absolute_url()
    assert str(vevent["URL"]) == page
    assert str(vevent["DESCRIPTION"]) == f"Line one Line two {'x' * 100}\n\n{page}"
    assert vevent.decoded("LAST-MODIFIED") == event.updated_at.replace(microsecond=0)
    summer = make_event(
        starts_at=datetime(2027, 6, 1, 9, 0, tzinfo=STOCKHOLM),
        ends_at=datetime(2027, 6, 1, 10, 0, tzinfo=STOCKHOLM),
    )
    _calendar, [vevent] = read(ical.calendar([summer]))
    assert vevent.decoded("DTSTART") == datetime(2027, 6, 1, 7, 0, tzinfo=UTC)


def test_one_event_is_a_file_and_a_named_calendar_is_a_feed_refreshed_every_six_hours():
    event = make_event()
    single, _events = read(ical.calendar([event]))
    assert "X-WR-CALNAME" not in single and "REFRESH-INTERVAL" not in single
    feed, [vevent] = read(ical.calendar([event], name="ICLD seminarier"))
    assert str(feed["X-WR-CALNAME"]) == str(feed["NAME"]) == "ICLD seminarier"
    assert feed.decoded("REFRESH-INTERVAL") == timedelta(hours=6)
    assert str(vevent["STATUS"]) == "CONFIRMED"


def test_an_online_event_names_its_link_only_without_sign_up():
    link = "https://meet.example.org/room"
    with translation.override("en"):
        _calendar, events = read(
            ical.calendar(
                [
                    make_event(online_url=link),
                    make_event(online_url=link, registration_enabled=False),
                    make_event(online_url=link, venue_sv="", city="", registration_enabled=False),
                ]
            )
        )
    assert [str(event["LOCATION"]) for event in events] == [
        "Hästgatan 1, Visby (Online)",
        f"Hästgatan 1, Visby ({link})",
        link,
    ]


def test_an_event_without_place_or_summary_has_no_location_and_its_link_as_description():
    event = make_event(venue_sv="", city="", summary_sv="", description_sv="")
    _calendar, [vevent] = read(ical.calendar([event]))
    assert "LOCATION" not in vevent
    assert str(vevent["DESCRIPTION"]) == str(vevent["URL"])
