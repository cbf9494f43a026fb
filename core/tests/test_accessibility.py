"""The accessibility statement and its report form: required parts, tracked reports, replies."""

import uuid

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.cache import cache
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.models import AccessibilityReport, AccessibilityStatement
from core.outbox import outbox_deliver_due
from core.services import accessibility_report_reply

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize(
    ("path", "texts"),
    [
        (
            "/sv/tillganglighet/",
            [
                "Hur tillgänglig är webbplatsen?",
                "Tillsyn",
                "Digg",
                "Innehåll som inte är tillgängligt",
                "Senast granskad",
            ],
        ),
        (
            "/en/accessibility/",
            [
                "How accessible is the website?",
                "Supervision",
                "Digg",
                "Content that is not accessible",
                "Last reviewed",
            ],
        ),
    ],
)
def test_statement_has_every_part_digg_requires(client, path, texts):
    html = client.get(path).content.decode()
    for text in texts:
        assert text in html
    assert "https://www.digg.se/tdosanmalan" in html


def test_statement_is_edited_by_staff(client):
    statement = AccessibilityStatement.objects.get()
    statement.known_shortcomings_en = "<ul><li>The new map has no keyboard support yet.</li></ul>"
    statement.save()
    assert (
        "The new map has no keyboard support yet."
        in client.get("/en/accessibility/").content.decode()
    )


def form_data(**overrides):
    return {
        "kind": "barrier",
        "page_url": "/sv/",
        "description": "Knappen går inte att nå med tangentbordet.",
        "name": "Anna",
        "email": "anna@example.se",
        "consent": "on",
        "submission_token": str(uuid.uuid4()),
        "website": "",
        **overrides,
    }


def test_a_report_is_saved_once_and_confirmed_in_the_senders_language(client):
    data = form_data()
    first = client.post("/sv/tillganglighet/rapportera/", data)
    again = client.post("/sv/tillganglighet/rapportera/", data)  # a double click
    assert first.status_code == again.status_code == 302
    assert first.url == "/sv/tillganglighet/rapportera/tack/"
    report = AccessibilityReport.objects.get()
    assert (report.status, report.language) == ("new", "sv")
    outbox_deliver_due()
    outbox_deliver_due()  # a second run sends nothing again
    [receipt] = [email for email in mail.outbox if email.to == ["anna@example.se"]]
    assert receipt.subject == "Vi har tagit emot din rapport om tillgänglighet"
    [notice] = [email for email in mail.outbox if email.to != ["anna@example.se"]]
    assert notice.reply_to == ["anna@example.se"]
    assert len(mail.outbox) == 2


def test_errors_are_explained_and_the_input_is_kept(client):
    response = client.post("/en/accessibility/report/", form_data(email="not-an-email", consent=""))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Please correct the following" in html
    assert "We need your agreement to handle your request." in html
    assert "Knappen går inte att nå med tangentbordet." in html
    assert AccessibilityReport.objects.count() == 0


def test_a_document_link_asks_for_an_accessible_version(client):
    html = client.get("/en/accessibility/report/?document=/media/report.pdf").content.decode()
    assert 'value="/media/report.pdf"' in html
    assert 'value="accessible_version" class="form-check-input" id="id_kind_1" checked' in html or (
        'value="accessible_version"' in html and "checked" in html
    )


def test_the_honeypot_saves_nothing_but_looks_like_success(client):
    response = client.post("/en/accessibility/report/", form_data(website="http://spam.example"))
    assert response.status_code == 302
    assert AccessibilityReport.objects.count() == 0


def test_too_many_reports_get_a_429_that_keeps_the_text(client, settings):
    settings.ICLD_FORM_RATE_LIMIT = 2
    for _ in range(2):
        client.post("/en/accessibility/report/", form_data())
    response = client.post(
        "/en/accessibility/report/", form_data(description="Min text finns kvar")
    )
    assert response.status_code == 429
    assert "Min text finns kvar" in response.content.decode()
    assert "Please wait before sending again" in response.content.decode()
    assert AccessibilityReport.objects.count() == 2


def test_staff_reply_is_emailed_in_the_senders_language_and_marks_it_answered(client):
    client.post("/en/accessibility/report/", form_data())
    report = AccessibilityReport.objects.get()
    outbox_deliver_due()
    mail.outbox.clear()
    accessibility_report_reply(report=report, reply="We have fixed the button.")
    outbox_deliver_due()
    [email] = mail.outbox
    assert email.subject == "Answer to your accessibility report"
    assert "We have fixed the button." in email.body
    report.refresh_from_db()
    assert report.status == "answered" and report.replied_at


text = st.text(st.characters(codec="utf-8"), max_size=6000)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    kind=st.one_of(st.sampled_from(["barrier", "accessible_version"]), text),
    description=text,
    email=text,
    page_url=text,
    name=text,
    consent=st.sampled_from(["on", "", "yes", "0"]),
    token=text,
)
def test_no_input_makes_the_form_fail_with_a_server_error(
    client, kind, description, email, page_url, name, consent, token
):
    cache.clear()
    response = client.post(
        "/en/accessibility/report/",
        {
            "kind": kind,
            "description": description,
            "email": email,
            "page_url": page_url,
            "name": name,
            "consent": consent,
            "submission_token": token,
        },
    )
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert "Please correct the following" in response.content.decode()


@pytest.mark.parametrize(
    ("prefix", "path"),
    [("sv", "/sv/tillganglighet/rapportera/"), ("en", "/en/accessibility/report/")],
)
def test_a_request_about_a_teams_document_goes_to_that_team(client, settings, prefix, path):
    settings.ICLD_KNOWLEDGE_TEAM_EMAIL = "research@icld.example"
    settings.ICLD_TEAM_EMAILS = {**settings.ICLD_TEAM_EMAILS, "knowledge": "research@icld.example"}
    form = client.get(f"{path}?document=Inclusive+leadership&team=knowledge").text
    assert 'name="team" value="knowledge"' in form
    assert 'value="Inclusive leadership"' in form
    assert ("Kunskapsteamet" if path.startswith("/sv/") else "Knowledge team") in form
    data = form_data(kind="accessible_version", page_url="Inclusive leadership", team="knowledge")
    assert client.post(path, data).status_code == 302
    report = AccessibilityReport.objects.get()
    assert (report.team, report.kind) == ("knowledge", "accessible_version")
    outbox_deliver_due()
    [notice] = [email for email in mail.outbox if email.to != ["anna@example.se"]]
    # The team that owns the document, and the accessibility contact who keeps the deadline.
    assert notice.to == ["research@icld.example", settings.ICLD_CONTACT_EMAIL]
    assert "Kunskapsteamet" in notice.body
    [receipt] = [email for email in mail.outbox if email.to == ["anna@example.se"]]
    assert receipt.reply_to == ["research@icld.example"]
    # The receipt quotes nothing the visitor wrote, not even the document's name in the link.
    assert "Inclusive leadership" not in receipt.body
    assert "Knappen" not in receipt.body


def test_an_unknown_team_is_not_kept_and_the_request_goes_to_the_accessibility_contact(client):
    form = client.get("/en/accessibility/report/?document=x.pdf&team=evil@example.org").text
    assert 'name="team" value="evil' not in form
    assert "Your request goes to the team" not in form
    client.post("/en/accessibility/report/", form_data(team="evil@example.org"))
    report = AccessibilityReport.objects.get()
    assert report.team == ""
    outbox_deliver_due()
    [notice] = [email for email in mail.outbox if email.to != ["anna@example.se"]]
    assert notice.to == [django_settings.ICLD_CONTACT_EMAIL]


def test_the_team_keys_are_the_teams_staff_filter_by(staff_client):
    assert set(django_settings.ICLD_TEAM_EMAILS) == set(AccessibilityReport.Team.values)
    for team in ("knowledge", ""):
        AccessibilityReport.objects.create(
            kind="accessible_version",
            description=f"About {team or 'a page'}",
            email="anna@example.se",
            language="en",
            team=team,
            submission_token=uuid.uuid4(),
        )
    url = "/admin/core/accessibilityreport/"
    listed = staff_client.get(url + "?team__exact=knowledge").text
    assert "Kunskapsteamet" in listed
    assert listed.count('class="action-select"') == 1


def test_staff_see_when_each_report_must_be_answered_and_which_are_overdue(staff_client):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from core.models import add_working_days

    stockholm = ZoneInfo("Europe/Stockholm")
    # Friday + 5 working days is the next Friday; a report on a Saturday is due on Friday too.
    assert add_working_days(datetime(2026, 11, 27).date(), 5) == datetime(2026, 12, 4).date()
    assert add_working_days(datetime(2026, 11, 28).date(), 5) == datetime(2026, 12, 4).date()
    statement = AccessibilityStatement.objects.get()
    statement.response_days = 5
    statement.save()

    def report(description, at, status="new"):
        saved = AccessibilityReport.objects.create(
            kind="barrier",
            description=description,
            page_url=description,
            email="anna@example.se",
            language="sv",
            status=status,
            submission_token=uuid.uuid4(),
        )
        AccessibilityReport.objects.filter(pk=saved.pk).update(created_at=at)

    long_ago = datetime(2026, 1, 5, 9, 0, tzinfo=stockholm)  # a Monday
    report("Old and open", long_ago)
    report("Old and answered", long_ago, status="answered")
    report("Just now", timezone.now())
    listed = staff_client.get("/admin/core/accessibilityreport/").text
    assert "<strong>12 januari 2026</strong> (försenad)" in listed
    overdue = staff_client.get("/admin/core/accessibilityreport/?overdue=yes").text
    assert overdue.count('class="action-select"') == 1
    assert "Old and open" in overdue and "Just now" not in overdue
    pk = AccessibilityReport.objects.get(page_url="Old and open").pk
    page = staff_client.get(f"/admin/core/accessibilityreport/{pk}/change/").text
    assert "12 januari 2026" in page
