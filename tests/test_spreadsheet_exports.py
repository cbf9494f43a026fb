"""Every CSV export, public and admin, neutralises cells a spreadsheet would run as a formula.

Each test writes a value starting with each of ``=``, ``+``, ``-``, ``@``, a tab and a carriage
return into every text column an export carries, then reads the file as a spreadsheet program
would: no cell of a data row may start with one of them, and each value comes back quoted.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from core.spreadsheets import FORMULA_STARTS
from knowledge.tests.factories import make_event, make_person, make_publication, make_registration
from partnerships.models import InterestRegistration, Network
from partnerships.tests import factories as partnership_factories
from programmes.tests.conftest import make_intake, make_programme, make_visit
from reference.models import Country, Organisation, Theme

pytestmark = pytest.mark.django_db


def formula(start: str, column: str) -> str:
    return f"{start}SUM(1,2) {column}"


def data_rows(body: str) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(body.removeprefix("\ufeff"))))
    return rows[1:]


def assert_neutralised(rows: list[list[str]], expected: list[str]) -> None:
    assert rows, "the export has no data rows"
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), f"formula cell {cell!r} in {row}"
    cells = {cell for row in rows for cell in row}
    for value in expected:
        assert any(cell.startswith("'" + value) for cell in cells), f"{value!r} missing"


def streamed(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


def test_public_partnership_csv(client):
    # Reference data staff might type: every name the export carries starts a formula too.
    country = Country.objects.get(code="KE")
    country.name_sv, country.name_en = formula("@", "land"), formula("@", "country")
    country.save()
    vara = Organisation.objects.get(slug="vara")
    vara.name_sv, vara.name_en = formula("+", "kommun"), formula("+", "municipality")
    vara.save()
    theme = Theme.objects.get(slug="citizen-participation")
    theme.name_sv, theme.name_en = formula("-", "tema"), formula("-", "theme")
    theme.save()
    expected = []
    for start in FORMULA_STARTS:
        partner = partnership_factories.foreign_organisation("KE")
        partner.name_sv, partner.name_en = formula(start, "partner sv"), formula(start, "partner")
        partner.save()
        network = Network.objects.create(
            slug=f"network-{FORMULA_STARTS.index(start)}",
            name_sv=formula(start, "nätverk"),
            name_en=formula(start, "network"),
        )
        partnership_factories.partnership(
            partners=[partner],
            network=network,
            title_sv=formula(start, "titel"),
            title_en=formula(start, "title"),
            summary_sv=formula(start, "sammanfattning"),
            summary_en=formula(start, "summary"),
            reference_number=formula(start, "ref"),
        )
        expected += [formula(start, "title"), formula(start, "network"), formula(start, "ref")]
    with translation.override("sv"):
        url = reverse("partnerships:export_csv")
    rows = data_rows(streamed(client.get(url)))
    assert len(rows) == len(FORMULA_STARTS)
    assert_neutralised(rows, expected + [formula("+", "kommun"), formula("@", "country")])


def test_admin_interest_registration_csv(staff_client):
    expected = []
    for start in FORMULA_STARTS:
        registration = partnership_factories.registration(
            contact_name=formula(start, "name"),
            phone=formula(start, "phone"),
            message=formula(start, "message"),
        )
        InterestRegistration.objects.filter(pk=registration.pk).update(
            role=formula(start, "role"), internal_notes=formula(start, "notes")
        )
        expected += [formula(start, column) for column in ("name", "role", "message", "notes")]
    body = staff_client.get(reverse("admin:partnerships_interestregistration_export"))
    assert_neutralised(data_rows(body.content.decode("utf-8")), expected)


def test_admin_participant_list_csv(staff_client):
    expected, events = [], []
    for start in FORMULA_STARTS:
        event = make_event(title_sv=formula(start, "seminarium"), capacity=None)
        make_registration(
            event,
            name=formula(start, "name"),
            organisation=formula(start, "organisation"),
            needs=formula(start, "needs"),
        )
        expected += [formula(start, column) for column in ("name", "organisation", "needs")]
        expected.append(formula(start, "seminarium"))
        events.append(event.pk)
    response = staff_client.post(
        reverse("admin:knowledge_event_changelist"),
        {"action": "export_participants", "_selected_action": list(events)},
    )
    assert_neutralised(data_rows(response.content.decode("utf-8")), expected)


def test_public_library_csv(client):
    expected = []
    for start in FORMULA_STARTS:
        author = make_person(given_names=formula(start, "given"), family_name="Family")
        make_publication(
            authors=[author],
            title_sv=formula(start, "titel"),
            title_en=formula(start, "title"),
            abstract_sv=formula(start, "sammanfattning"),
            abstract_en=formula(start, "abstract"),
            doi=formula(start, "doi"),
            isbn=formula(start, "isbn"),
        )
        expected += [formula(start, c) for c in ("titel", "title", "abstract", "doi", "isbn")]
    with translation.override("en"):
        url = reverse("knowledge:library_csv")
    assert_neutralised(data_rows(streamed(client.get(url))), expected)


def test_admin_visit_schedule_csv(staff_client):
    expected = []
    for day, start in enumerate(FORMULA_STARTS, start=10):
        programme = make_programme(title_sv=formula(start, "program"))
        intake = make_intake(programme)
        intake.name_sv = formula(start, "omgång")
        intake.save()
        make_visit(
            intake,
            first=f"2027-09-{day}",
            last=f"2027-09-{day}",
            contact_name=formula(start, "contact"),
            contact_email="host@example.se",
            topic_sv=formula(start, "ämne"),
        )
        expected += [formula(start, c) for c in ("program", "omgång", "contact", "ämne")]
    with translation.override("sv"):
        body = staff_client.get(reverse("admin:programmes_scheduledvisit_csv"))
    assert_neutralised(data_rows(body.content.decode("utf-8")), expected)


def test_every_module_that_writes_csv_uses_spreadsheet_cell():
    """A new export cannot forget the rule: whoever writes CSV also neutralises its cells."""
    root = Path(__file__).resolve().parents[1]
    writers = [
        path
        for path in root.glob("*/**/*.py")
        if ".venv" not in path.parts
        and "tests" not in path.parts
        and "csv.writer(" in path.read_text(encoding="utf-8")
    ]
    assert writers
    for path in writers:
        assert "spreadsheet_cell" in path.read_text(encoding="utf-8"), path
