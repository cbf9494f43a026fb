import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from core.models import OutboxMessage
from programmes import services
from programmes.models import HistoryEntry, HostingOffer, ScheduledVisit
from programmes.tests.conftest import make_intake, make_offer, make_visit, municipality

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    """A superuser signed in with password and second factor (the admin requires both)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = get_user_model().objects.create_superuser("staff", "staff@icld.se", "a-long-password")
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


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


def test_every_admin_page_opens(staff):
    intake = make_intake()
    offer = make_offer()
    visit = make_visit(intake)
    for name, args in [
        ("programme", [intake.programme.pk]),
        ("intake", [intake.pk]),
        ("hostingoffer", [offer.pk]),
        ("scheduledvisit", [visit.pk]),
    ]:
        assert staff.get(reverse(f"admin:programmes_{name}_changelist")).status_code == 200
        assert staff.get(reverse(f"admin:programmes_{name}_change", args=args)).status_code == 200
    for name in ("phase", "hostingperiod", "historyentry"):
        assert staff.get(reverse(f"admin:programmes_{name}_changelist")).status_code == 200


def test_double_booking_in_admin_is_a_clear_form_error(staff):
    intake = make_intake()
    make_visit(intake, first="2027-09-08", last="2027-09-09")
    response = staff.post(
        reverse("admin:programmes_scheduledvisit_add"),
        visit_post(intake, municipality(), "2027-09-09", "2027-09-10"),
    )
    assert response.status_code == 200
    assert "har redan ett besök" in response.text
    assert ScheduledVisit.objects.count() == 1


def test_admin_confirmation_emails_the_host_and_keeps_history(staff):
    intake = make_intake()
    response = staff.post(
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
    response = staff.post(reverse("admin:programmes_scheduledvisit_change", args=[visit.pk]), data)
    assert response.status_code == 302
    assert OutboxMessage.objects.filter(to=["host@example.se"]).count() == 1
    change = HistoryEntry.objects.filter(visit=visit, changes__has_key="status").get()
    assert change.by.username == "staff"


def test_intake_admin_suggests_offers_with_a_prefilled_booking_link(staff, themes):
    intake = make_intake()
    make_offer(periods=[("2027-09-01", "2027-09-30")])
    page = staff.get(reverse("admin:programmes_intake_change", args=[intake.pk])).text
    assert "Vara kommun" in page
    assert "starts_on=2027-09-06" in page


def test_csv_and_ical_exports(staff):
    visit = make_visit(topic_sv='=HYPERLINK("x")', contact_name="Anna, Vara")
    csv = staff.get(reverse("admin:programmes_scheduledvisit_csv"))
    assert csv["Content-Type"].startswith("text/csv")
    body = csv.content.decode("utf-8-sig")
    assert "Vara kommun" in body and "2027-09-08" in body
    assert "'=HYPERLINK" in body  # a formula is never run by the spreadsheet
    ics = staff.get(reverse("admin:programmes_scheduledvisit_calendar")).content.decode()
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    assert "DTSTART;VALUE=DATE:20270908\r\n" in ics
    assert "DTEND;VALUE=DATE:20270909\r\n" in ics  # the day after: the end is exclusive
    assert f"UID:programme-visit-{visit.pk}@" in ics
    assert "Anna\\, Vara" in ics
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))
    action = staff.post(
        reverse("admin:programmes_scheduledvisit_changelist"),
        {"action": "export_ics", "_selected_action": [visit.pk]},
    )
    assert action["Content-Type"].startswith("text/calendar")


def test_exports_need_staff(client):
    assert client.get(reverse("admin:programmes_scheduledvisit_calendar")).status_code == 302


def test_offer_admin_uses_checkboxes_and_records_changes_in_the_history(staff):
    offer = make_offer(hosting_kinds=["group_visit"], languages=["en"])
    page = staff.get(reverse("admin:programmes_hostingoffer_change", args=[offer.pk])).text
    assert 'type="checkbox" name="hosting_kinds" value="placement"' in page
    data = {
        "status": "accepted",
        "internal_notes": "Called them.",
        "organisation": offer.organisation_id,
        "contact_name": offer.contact_name,
        "contact_role": "",
        "email": offer.email,
        "phone": offer.phone,
        "hosting_kinds": ["group_visit", "placement"],
        "capacity": 30,
        "expertise": "",
        "languages": ["en", "sv"],
        "accessibility": "step_free",
        "accessibility_notes": "",
        "message": "",
        "may_be_listed": "on",
        "periods-TOTAL_FORMS": "1",
        "periods-INITIAL_FORMS": "1",
        "periods-0-id": offer.periods.get().pk,
        "periods-0-offer": offer.pk,
        "periods-0-starts_on": "2027-09-01",
        "periods-0-ends_on": "2027-09-30",
        "history-TOTAL_FORMS": "0",
        "history-INITIAL_FORMS": "0",
    }
    response = staff.post(reverse("admin:programmes_hostingoffer_change", args=[offer.pk]), data)
    assert response.status_code == 302, response.text[:3000]
    offer.refresh_from_db()
    assert offer.hosting_kinds == ["group_visit", "placement"]
    assert offer.status == "accepted"
    entry = offer.history.get()
    assert entry.by.username == "staff"
    assert "status" in entry.changes or "status" in " ".join(entry.changes)


def test_start_page_lists_visits_waiting_for_confirmation():
    from staff.waiting import registered_entries

    make_visit(status=ScheduledVisit.Status.PROPOSED)
    entry = next(e for e in registered_entries() if e.key == "programmes.visits_to_confirm")
    assert entry.queryset().count() == 1
    assert entry.filter_params() == {"status__exact": "proposed"}


def test_booking_from_a_suggestion_carries_the_offers_contact_and_listing_consent(staff):
    intake = make_intake()
    offer = make_offer(periods=[("2027-09-01", "2027-09-30")], may_be_listed=True, language="en")
    page = staff.get(reverse("admin:programmes_intake_change", args=[intake.pk])).text
    link = next(part for part in page.split('"') if "scheduledvisit/add/?" in part)
    form = staff.get(link.replace("&amp;", "&")).text
    assert f'value="{offer.email}"' in form
    assert 'name="host_may_be_listed" id="id_host_may_be_listed" checked' in form or (
        'id="id_host_may_be_listed" checked' in form
    )


def test_history_reads_in_the_language_of_whoever_opens_it(staff):
    offer = make_offer()
    with translation.override("sv"):  # declined by someone using the Swedish admin
        services.hosting_offer_set_status(offer=offer, status=HostingOffer.Status.DECLINED)
    change = reverse("admin:programmes_hostingoffer_change", args=[offer.pk])
    history = reverse("admin:programmes_historyentry_changelist")
    english = staff.get(change, HTTP_ACCEPT_LANGUAGE="en").text
    assert "Status changed." in english and "<strong>status</strong>: New → Declined" in english
    assert "Status ändrad." not in english and "Avböjd" not in english
    swedish = staff.get(change, HTTP_ACCEPT_LANGUAGE="sv").text
    assert "Status ändrad." in swedish and "<strong>status</strong>: Ny → Avböjd" in swedish
    assert "Status changed." not in swedish
    assert "Status changed." in staff.get(history, HTTP_ACCEPT_LANGUAGE="en").text
    assert "Status ändrad." in staff.get(history, HTTP_ACCEPT_LANGUAGE="sv").text


def test_history_keeps_yes_no_and_choices_as_values_and_words_them_when_shown():
    offer = make_offer(may_be_listed=False)
    services.history_record(
        subject=offer,
        event=HistoryEntry.Event.CHANGED_IN_ADMIN,
        changes={"may_be_listed": (False, True), "hosting_kinds": ([], ["placement"])},
    )
    entry = offer.history.get(event=HistoryEntry.Event.CHANGED_IN_ADMIN)
    assert entry.changes == {"may_be_listed": [False, True], "hosting_kinds": [[], ["placement"]]}
    with translation.override("en"):
        assert sorted(entry.change_rows()) == [
            ("kinds of hosting", "–", "Two-day placement"),
            ("may be listed as a host", "no", "yes"),
        ]
    with translation.override("sv"):
        rows = {label: values for label, *values in entry.change_rows()}
    assert rows["typer av värdskap"] == ["–", "Tvådagarspraktik"]
    assert ["nej", "ja"] in rows.values()
