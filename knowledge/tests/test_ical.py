"""iCalendar output: RFC 5545 escaping, folding, line ends and UTC times."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge import ical
from knowledge.tests.factories import make_event

pytestmark = pytest.mark.django_db
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def test_text_escaping():
    assert ical.escape_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_folded_lines_are_at_most_75_octets_and_unfold_to_the_original(text):
    line = "DESCRIPTION:" + ical.escape_text(text).replace("\r", "")
    folded = ical.fold(line)
    parts = folded.split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join([parts[0], *(p[1:] for p in parts[1:])]) == line


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
    from django.utils import translation

    with translation.override("en"):
        text = ical.calendar([event], name="ICLD")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert "DTSTART:20261209T120000Z" in text and "DTEND:20261209T140000Z" in text
    assert f"UID:event-{event.pk}@icld.se" in text
    assert "SUMMARY:Winter\\, seminar\\; part 1" in text
    assert "LOCATION:SKR\\, Hornsgatan 20\\, Stockholm" in text
    unfolded = text.replace("\r\n ", "")
    assert "DESCRIPTION:Line one Line two " in unfolded
    assert unfolded.count("BEGIN:VEVENT") == 1 and "VERSION:2.0" in text and "PRODID:" in text
    summer = make_event(
        starts_at=datetime(2027, 6, 1, 9, 0, tzinfo=STOCKHOLM),
        ends_at=datetime(2027, 6, 1, 10, 0, tzinfo=STOCKHOLM),
    )
    assert "DTSTART:20270601T070000Z" in ical.calendar([summer])
