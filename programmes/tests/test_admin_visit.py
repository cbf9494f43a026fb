import pytest
from django.urls import reverse

from core.models import OutboxMessage
from programmes.models import HistoryEntry, ScheduledVisit
from programmes.tests.conftest import make_intake, make_visit, municipality

pytestmark = pytest.mark.django_db


def visit_post(intake, host, first, last, status="proposed"):
    return {
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
    assert "DTSTART;VALUE=DATE:20270908\r\n" in ics
    assert "DTEND;VALUE=DATE:20270909\r\n" in ics  # the day after: the end is exclusive
    assert f"UID:programme-visit-{visit.pk}@" in ics
    assert "Anna\\, Vara" in ics
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))
    action = staff_client.post(
        reverse("admin:programmes_scheduledvisit_changelist"),
        {"action": "export_ics", "_selected_action": [visit.pk]},
    )
    assert action["Content-Type"].startswith("text/calendar")


def test_exports_need_staff(client):
    assert client.get(reverse("admin:programmes_scheduledvisit_calendar")).status_code == 302


def test_start_page_lists_visits_waiting_for_confirmation():
    from core.waiting import registered_entries

    make_visit(status=ScheduledVisit.Status.PROPOSED)
    entry = next(e for e in registered_entries() if e.key == "programmes.visits_to_confirm")
    assert entry.queryset().count() == 1
    assert entry.filter_params() == {"status__exact": "proposed"}
