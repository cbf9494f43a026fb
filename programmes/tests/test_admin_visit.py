import re
from datetime import date

import icalendar
import pytest
from django.urls import reverse
from django.utils import translation

from core.models import OutboxMessage
from programmes import exports, selectors
from programmes.models import HistoryEntry, ScheduledVisit
from programmes.tests.conftest import make_intake, make_offer, make_visit, municipality

pytestmark = pytest.mark.django_db


def visit_post(intake, host, first, last, status="proposed", confirm_warnings="on"):
    # Most tests book a host without an offer: the coordinator confirms that warning.
    return {
        "confirm_warnings": confirm_warnings,
        "intake": intake.pk,
        "host": host.pk,
        "kind": "group_visit",
        "starts_on": first,
        "ends_on": last,
        "participants": 25,
        "status": status,
        "contact_language": "sv",
        "contact_email": "host@example.se",
        "topic_sv": "",
        "topic_en": "",
        "history-TOTAL_FORMS": "0",
        "history-INITIAL_FORMS": "0",
    }


def test_double_booking_in_admin_is_a_clear_form_error(staff_client):
    intake = make_intake()
    make_visit(intake, first="2027-09-08", last="2027-09-09")
    response = staff_client.post(
        reverse("admin:programmes_scheduledvisit_add"),
        visit_post(intake, municipality(), "2027-09-09", "2027-09-10"),
    )
    assert response.status_code == 200
    assert "har redan ett besök" in response.text
    assert ScheduledVisit.objects.count() == 1


def test_admin_confirmation_emails_the_host_and_keeps_history(staff_client):
    intake = make_intake()
    response = staff_client.post(
        reverse("admin:programmes_scheduledvisit_add"),
        visit_post(intake, municipality(), "2027-09-08", "2027-09-08"),
    )
    assert response.status_code == 302
    visit = ScheduledVisit.objects.get()
    data = visit_post(intake, municipality(), "2027-09-08", "2027-09-08", status="confirmed")
    data.update(
        {
            "history-TOTAL_FORMS": "1",
            "history-INITIAL_FORMS": "1",
            "history-0-id": visit.history.get().pk,
            "history-0-visit": visit.pk,
        }
    )
    response = staff_client.post(
        reverse("admin:programmes_scheduledvisit_change", args=[visit.pk]), data
    )
    assert response.status_code == 302
    assert OutboxMessage.objects.filter(to=["host@example.se"]).count() == 1
    change = HistoryEntry.objects.filter(visit=visit, changes__has_key="status").get()
    assert change.by.username == "staff"


def test_csv_and_ical_exports(staff_client):
    visit = make_visit(topic_sv='=HYPERLINK("x")', contact_name="Anna, Vara")
    csv = staff_client.get(reverse("admin:programmes_scheduledvisit_csv"))
    assert csv["Content-Type"].startswith("text/csv")
    body = csv.content.decode("utf-8-sig")
    assert "Vara kommun" in body and "2027-09-08" in body
    assert "'=HYPERLINK" in body  # a formula is never run by the spreadsheet
    ics = staff_client.get(reverse("admin:programmes_scheduledvisit_calendar")).content.decode()
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))
    [event] = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    assert event.decoded("DTSTART") == date(2027, 9, 8)
    assert event.decoded("DTEND") == date(2027, 9, 9)  # the day after: the end is exclusive
    assert str(event["UID"]) == f"programme-visit-{visit.pk}@127.0.0.1"
    assert str(event["STATUS"]) == "TENTATIVE"
    assert str(event["LOCATION"]) == visit.host.name
    assert str(event["SUMMARY"]).startswith(f"{visit.host.name}: ")
    assert "Anna, Vara" in str(event["DESCRIPTION"]).splitlines()[3]
    action = staff_client.post(
        reverse("admin:programmes_scheduledvisit_changelist"),
        {"action": "export_ics", "_selected_action": [visit.pk]},
    )
    assert action["Content-Type"].startswith("text/calendar")


def test_the_calendar_marks_each_visit_tentative_confirmed_or_cancelled():
    host = municipality()
    statuses = ["proposed", "confirmed", "completed", "cancelled"]
    for n, status in enumerate(statuses):
        day = f"2027-10-{n * 3 + 1:02d}"
        make_visit(host=host, first=day, last=day, status=status)
    with translation.override("en"):
        text = exports.visits_ics(selectors.visits_for_export())
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["X-WR-CALNAME"]) == "ICLD study visits"
    assert [str(event["STATUS"]) for event in calendar.walk("VEVENT")] == [
        "TENTATIVE",
        "CONFIRMED",
        "CONFIRMED",
        "CANCELLED",
    ]


def test_exports_need_staff(client):
    assert client.get(reverse("admin:programmes_scheduledvisit_calendar")).status_code == 302


def test_start_page_lists_visits_waiting_for_confirmation():
    from core.waiting import registered_entries

    make_visit(status=ScheduledVisit.Status.PROPOSED)
    entry = next(e for e in registered_entries() if e.key == "programmes.visits_to_confirm")
    assert entry.queryset().count() == 1
    assert entry.filter_params() == {"status__exact": "proposed"}


# --- Scheduling checks in the admin form ----------------------------------------------------


def test_an_impossible_visit_is_refused_with_reasons_in_the_staff_language(staff_client):
    intake = make_intake()
    data = visit_post(intake, municipality(), "2027-10-04", "2027-10-05")
    data["participants"] = 240
    response = staff_client.post(
        reverse("admin:programmes_scheduledvisit_add"), data, headers={"accept-language": "en"}
    )
    assert response.status_code == 200
    text = response.text
    assert "240 visitors is more than the 25 participants of" in text
    assert "4–5 October 2027 is outside the phase in Sweden" in text
    assert ScheduledVisit.objects.count() == 0
    swedish = staff_client.post(reverse("admin:programmes_scheduledvisit_add"), data).text
    assert "240 besökare är fler än de 25 deltagarna" in swedish
    assert "ligger utanför fasen i Sverige" in swedish


def test_warnings_are_shown_and_saved_only_once_the_coordinator_confirms(staff_client):
    intake = make_intake()
    offer = make_offer(capacity=10, periods=(("2027-09-14", "2027-09-30"),))
    data = visit_post(intake, offer.organisation, "2027-09-08", "2027-09-08", confirm_warnings="")
    data.update({"offer": offer.pk, "participants": 20})
    add = reverse("admin:programmes_scheduledvisit_add")
    response = staff_client.post(add, data, headers={"accept-language": "en"})
    assert response.status_code == 200
    text = response.text
    assert "can receive at most 10 visitors at one time; this visit has 20" in text
    assert "8 September 2027 is outside the periods Vara Municipality offered" in text
    assert 'type="checkbox" name="confirm_warnings"' in text
    assert ScheduledVisit.objects.count() == 0
    data["confirm_warnings"] = "on"
    response = staff_client.post(add, data, headers={"accept-language": "en"}, follow=True)
    assert ScheduledVisit.objects.count() == 1
    assert "Saved despite a warning" in response.text


def test_errors_and_warnings_are_shown_together(staff_client):
    intake = make_intake()
    offer = make_offer(capacity=10, periods=(("2027-09-14", "2027-09-30"),))
    data = visit_post(intake, offer.organisation, "2027-09-08", "2027-09-08", confirm_warnings="")
    data.update({"offer": offer.pk, "participants": 40})
    add = reverse("admin:programmes_scheduledvisit_add")
    text = staff_client.post(add, data, headers={"accept-language": "en"}).text
    # The error (more visitors than the intake) and the warnings (capacity, periods) at once.
    assert "40 visitors is more than the 25 participants of" in text
    assert "can receive at most 10 visitors at one time; this visit has 40" in text
    assert "8 September 2027 is outside the periods Vara Municipality offered" in text
    assert "once the errors are fixed, tick the box" in text
    assert 'type="checkbox" name="confirm_warnings"' in text
    # Ticked but still impossible: nothing is saved, the box stays ticked and the warnings
    # stay in sight.
    data["confirm_warnings"] = "on"
    text = staff_client.post(add, data, headers={"accept-language": "en"}).text
    assert ScheduledVisit.objects.count() == 0
    assert "can receive at most 10 visitors at one time" in text
    [box] = re.findall(r'<input type="checkbox" name="confirm_warnings"[^>]*>', text)
    assert " checked" in box
    swedish = staff_client.post(add, {**data, "confirm_warnings": ""}).text
    assert "40 besökare är fler än de 25 deltagarna" in swedish
    assert "när felen är rättade" in swedish
    # Fixed: saved with the warnings confirmed.
    data["participants"] = 20
    staff_client.post(add, data, headers={"accept-language": "en"})
    assert ScheduledVisit.objects.count() == 1


def test_taking_back_a_confirmation_in_admin_emails_the_host(staff_client):
    intake = make_intake()
    offer = make_offer(capacity=30, language="en", email="host@vara.example")
    visit = make_visit(
        intake, offer=offer, status="confirmed", contact_email="host@vara.example",
        contact_language="en",
    )  # fmt: skip
    data = visit_post(intake, municipality(), "2027-09-08", "2027-09-08", status="proposed")
    data.update({"offer": offer.pk, "contact_email": "host@vara.example", "contact_language": "en"})
    response = staff_client.post(
        reverse("admin:programmes_scheduledvisit_change", args=[visit.pk]), data, follow=True
    )
    assert "Värden har fått e-post om att besöket inte längre är bekräftat." in response.text
    message = OutboxMessage.objects.get(to=["host@vara.example"])
    assert message.subject == "No longer confirmed: the study visit on 8 September 2027"


def test_a_visit_that_fits_saves_without_any_checkbox(staff_client):
    intake = make_intake()
    offer = make_offer(capacity=30)
    data = visit_post(intake, offer.organisation, "2027-09-08", "2027-09-08", confirm_warnings="")
    data["offer"] = offer.pk
    response = staff_client.post(reverse("admin:programmes_scheduledvisit_add"), data)
    assert response.status_code == 302
    form = staff_client.get(
        reverse("admin:programmes_scheduledvisit_change", args=[ScheduledVisit.objects.get().pk])
    ).text
    assert 'type="hidden" name="confirm_warnings"' in form


def test_moving_a_confirmed_visit_in_admin_emails_the_host(staff_client):
    intake = make_intake()
    offer = make_offer(capacity=30, language="en", email="host@vara.example")
    visit = make_visit(
        intake, offer=offer, status="confirmed", contact_email="host@vara.example",
        contact_language="en",
    )  # fmt: skip
    data = visit_post(intake, municipality(), "2027-09-09", "2027-09-09", status="confirmed")
    data.update({"offer": offer.pk, "contact_email": "host@vara.example", "contact_language": "en"})
    response = staff_client.post(
        reverse("admin:programmes_scheduledvisit_change", args=[visit.pk]), data
    )
    assert response.status_code == 302
    message = OutboxMessage.objects.get(to=["host@vara.example"])
    assert message.subject == "Changed: the study visit on 8 September 2027"
    assert "9 September 2027 (before: 8 September 2027)" in message.body_text
