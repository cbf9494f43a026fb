"""core.ical writes calendars that calendar apps (and the icalendar parser) read back."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar

from core.ical import CalendarEntry, calendar


def entry(**fields) -> CalendarEntry:
    defaults = {
        "uid": "event-1@icld.se",
        "summary": "Seminar",
        "starts": datetime(2026, 5, 1, 8, tzinfo=UTC),
        "ends": datetime(2026, 5, 1, 10, tzinfo=UTC),
    }
    return CalendarEntry(**(defaults | fields))


def test_text_is_escaped_folded_and_read_back_unchanged():
    summary = "Lokal demokrati; möten, samråd och " + "å" * 80
    text = calendar([entry(summary=summary, description="Rad ett\nRad två", location="Visby")])
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    parsed = icalendar.Calendar.from_ical(text)
    [event] = parsed.walk("VEVENT")
    assert str(event["SUMMARY"]) == summary
    assert str(event["DESCRIPTION"]) == "Rad ett\nRad två"
    assert event.decoded("DTSTART") == datetime(2026, 5, 1, 8, tzinfo=UTC)


def test_an_all_day_entry_ends_the_day_after_its_last_day():
    text = calendar([entry(starts=date(2026, 5, 2), ends=date(2026, 5, 4), status="TENTATIVE")])
    [event] = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert event.decoded("DTSTART") == date(2026, 5, 2)
    assert event.decoded("DTEND") == date(2026, 5, 5)
    assert str(event["STATUS"]) == "TENTATIVE"


def test_a_named_calendar_tells_apps_how_often_to_refresh():
    text = calendar([], name="ICLD: seminarier", refresh=timedelta(hours=6))
    parsed = icalendar.Calendar.from_ical(text)
    assert str(parsed["X-WR-CALNAME"]) == "ICLD: seminarier"
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT6H" in text


def test_local_times_are_written_in_utc():
    stockholm = datetime(2026, 6, 1, 12, tzinfo=ZoneInfo("Europe/Stockholm"))  # summer time
    text = calendar([entry(starts=stockholm, ends=stockholm + timedelta(hours=1))])
    assert "DTSTART:20260601T100000Z" in text
