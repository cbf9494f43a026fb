"""A registration records the application round it was made in; staff filter and export by it."""

import csv
import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from partnerships.models import ApplicationRound, InterestRegistration
from partnerships.tests import factories

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def _submitted_at(monkeypatch, moment: datetime, **fields) -> InterestRegistration:
    monkeypatch.setattr(timezone, "now", lambda: moment.replace(tzinfo=STOCKHOLM))
    return factories.registration(**fields)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2026, 3, 15, 23, 30), "Våren 2026"),  # the closing day, Swedish time
        (datetime(2026, 3, 16, 0, 30), "Hösten 2026"),  # between rounds: the next one
        (datetime(2026, 9, 15, 8, 0), "Hösten 2026"),
        (datetime(2027, 1, 2, 8, 0), "Våren 2027"),
    ],
)
def test_a_registration_belongs_to_the_round_open_or_next(
    monkeypatch, application_rounds, moment, expected
):
    registration = _submitted_at(monkeypatch, moment)
    assert registration.application_round.name_sv == expected


def test_after_the_last_round_a_registration_has_no_round_until_staff_add_one(
    monkeypatch, application_rounds, staff_client
):
    registration = _submitted_at(monkeypatch, datetime(2027, 6, 1, 10, 0))
    assert registration.application_round is None
    monkeypatch.undo()
    response = staff_client.post(
        reverse("admin:partnerships_applicationround_add"),
        {
            "name_sv": "Hösten 2027",
            "name_en": "Autumn 2027",
            "opens_on": "2027-09-15",
            "closes_on": "2027-10-15",
            "guidance_sv": "",
            "guidance_en": "",
        },
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.application_round.name_en == "Autumn 2027"


def test_staff_see_filter_and_export_registrations_by_round(
    monkeypatch, application_rounds, staff_client
):
    spring = _submitted_at(monkeypatch, datetime(2026, 2, 20, 9, 0), email="spring@vara.example")
    autumn = _submitted_at(
        monkeypatch, datetime(2026, 9, 20, 9, 0), org="lulea", email="autumn@lulea.example"
    )
    monkeypatch.undo()
    changelist = reverse("admin:partnerships_interestregistration_changelist")
    for language, label in (("sv", "Ansökningsomgång"), ("en", "application round")):
        with translation.override(language):
            page = staff_client.get(changelist, HTTP_ACCEPT_LANGUAGE=language).text
        assert label.casefold() in page.casefold()
    page = staff_client.get(
        changelist, {"application_round__id__exact": spring.application_round_id}
    ).text
    assert "Vara" in page and "Luleå" not in page
    export = reverse("admin:partnerships_interestregistration_export")
    text = staff_client.get(
        export, {"application_round__id__exact": autumn.application_round_id}
    ).content.decode("utf-8-sig")
    header, *rows = text.splitlines()
    assert header.split(",")[2] == "application_round"
    assert len(rows) == 1 and "autumn@lulea.example" in rows[0]
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["application_round"] == "Hösten 2026"
    assert row["countries"] == "KE"  # lists as in every export: items separated by ";"
    rounds = staff_client.get(reverse("admin:partnerships_applicationround_changelist")).text
    assert f"application_round__id__exact={spring.application_round_id}" in rounds


def test_staff_may_correct_the_round_and_the_history_says_so(
    monkeypatch, application_rounds, staff_client
):
    registration = _submitted_at(monkeypatch, datetime(2026, 3, 20, 9, 0))
    monkeypatch.undo()
    spring = ApplicationRound.objects.get(opens_on=date(2026, 2, 15))
    change = reverse("admin:partnerships_interestregistration_change", args=[registration.pk])
    response = staff_client.post(
        change,
        {
            "status": "new",
            "assignee": "",
            "application_round": str(spring.pk),
            "internal_notes": "",
            "record_match": "",
            "events-TOTAL_FORMS": "0",
            "events-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.application_round == spring
    event = registration.events.order_by("-pk").first()
    assert event.changes["application_round"][1] == str(spring)
