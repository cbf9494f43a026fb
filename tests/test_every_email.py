"""Every email the portal can send reads as a person would write it, in its reader's language.

The emails are produced by the real services that send them (a public form, a confirmation in
admin, the digest run, a sign-in lock). Each one they compose is captured with its context and
rendered again in Swedish and in English, and every part is checked: no Python reprs, no HTML
entities in the text, no missing or empty part, no words of the other language, and a Reply-To.
A template added to the repository without a scenario here fails the coverage test.
"""

from __future__ import annotations

import re
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation

import core.outbox
import core.services
import knowledge.services.event
from alerts import services as alert_services
from alerts.tests.factories import event as alert_event
from alerts.tests.factories import make_subscription
from core.models import AccessibilityReport, OutboxMessage
from core.outbox import outbox_collect, outbox_compose
from core.services import accessibility_report_reply, accessibility_report_submit
from knowledge import services as knowledge_services
from knowledge.models import Registration
from knowledge.tests.factories import make_event
from partnerships.tests import factories as partnership_factories
from programmes import services as programme_services
from programmes.tests.conftest import make_visit
from programmes.tests.test_forms_hosting import valid_data as hosting_data
from staff import lockout

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("sv", "en")
# Typed by visitors: apostrophes and ampersands must arrive as typed in the text parts.
TYPED_NAME = "Anna O'Brien & Co"
TYPED_TEXT = "We'd like to host <again> & soon"
# Emails staff get in both languages at once (staff have no language on record).
BILINGUAL = {"staff/emails/locked_out"}

REPRS = ("['", '["', "[<", "<Theme", "<Programme", "<Country", "<Organisation", "QuerySet")
WORDS = re.compile(r"\b(None|True|False)\b")
ENTITIES = re.compile(r"&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);")
# Words of the templates (never of content) that show a rendering in the wrong language.
NOT_IN = {
    "sv": ("Hello", "Thank you", "Best regards", "Swedish International Centre", "Kinds of"),
    "en": ("Hej", "Tack för", "Vänliga hälsningar", "Internationellt centrum", "Typ av"),
}


def email_templates() -> set[str]:
    """Every email template in the repository, as the name the outbox is given."""
    found = set()
    for subject in ROOT.glob("**/templates/**/emails/*_subject.txt"):
        if ".venv" in subject.parts or "node_modules" in subject.parts:
            continue
        relative = str(subject).split("/templates/", 1)[1]
        found.add(relative.removesuffix("_subject.txt"))
    return found


@pytest.fixture
def composed(monkeypatch):
    """Record every message the services compose: (template, arguments, message)."""
    calls: list[tuple[str, dict, OutboxMessage]] = []

    def recording(**arguments):
        message = outbox_compose(**arguments)
        calls.append((arguments["template"], arguments, message))
        return message

    monkeypatch.setattr(core.outbox, "outbox_compose", recording)
    monkeypatch.setattr(core.services, "outbox_compose", recording)
    monkeypatch.setattr(knowledge.services.event, "outbox_compose", recording)
    return calls


def path(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def post(client, url: str, data: dict) -> None:
    response = client.post(url, {**data, "submission_token": str(uuid.uuid4()), "website": ""})
    assert response.status_code == 302, response.content.decode()[:3000]
    outbox_collect()


def send_everything(client, language: str) -> None:
    """Make the portal send each of its emails once, the visitor writing in ``language``."""
    # core: a request for an accessible version of the knowledge team's document (its notice
    # goes to that team), then an accessibility report, its notice to staff and staff's answer.
    accessibility_report_submit(
        kind="accessible_version",
        description=TYPED_TEXT,
        page_url=TYPED_NAME,
        name=TYPED_NAME,
        email="reader@example.org",
        language=language,
        team="knowledge",
        submission_token=uuid.uuid4(),
    )
    outbox_collect()
    report = accessibility_report_submit(
        kind="barrier",
        description=TYPED_TEXT,
        page_url="https://portal.example/?a=1&b=2",
        name=TYPED_NAME,
        email="reader@example.org",
        language=language,
        submission_token=uuid.uuid4(),
    )
    outbox_collect()
    accessibility_report_reply(report=AccessibilityReport.objects.get(pk=report.pk), reply="OK.")

    # partnerships: an interest registration, with a seeker, and its notice to the team.
    post(
        client,
        path("partnerships:register", language),
        {
            "organisation": str(partnership_factories.swedish("vara").pk),
            "contact_name": TYPED_NAME,
            "role": TYPED_NAME,
            "email": "anna@vara.example",
            "countries": ["KE", "TZ"],
            "themes": [],
            "message": TYPED_TEXT,
            "language": language,
            "consent": "on",
        },
    )

    # programmes: a host offer (receipt and notice), then a confirmed visit.
    post(
        client,
        path("programmes:hosting_offer", language),
        hosting_data(
            contact_name=TYPED_NAME,
            contact_role=TYPED_NAME,
            email="host@vara.example",
            hosting_kinds=["group_visit", "placement"],
            languages=["en", "sv"],
            expertise=TYPED_TEXT,
            message=TYPED_TEXT,
        ),
    )
    visit = make_visit(
        contact_email="host@vara.example", contact_language=language, contact_name=TYPED_NAME
    )
    programme_services.visit_confirm(visit=visit)
    # The confirmation is taken back, then given again; the confirmed visit moves, then is
    # cancelled: the host is told each time.
    programme_services.visit_update(visit=visit, changes={"status": "proposed"})
    programme_services.visit_confirm(visit=visit)
    programme_services.visit_update(
        visit=visit, changes={"starts_on": date(2027, 9, 9), "ends_on": date(2027, 9, 10)}
    )
    programme_services.visit_update(visit=visit, changes={"status": "cancelled"})

    # knowledge: confirmed, waiting, the details again, cancelled, promoted, cancelled by
    # staff, and the reminder before the event.
    event = make_event(capacity=1)
    url = path("knowledge:event_register", language, slug=event.slug)
    data = {"name": TYPED_NAME, "organisation": TYPED_NAME, "needs": TYPED_TEXT, "consent": "on"}
    post(client, url, {**data, "email": "first@example.org"})
    post(client, url, {**data, "email": "second@example.org"})
    client.post(url, {**data, "email": "first@example.org", "submission_token": str(uuid.uuid4())})
    knowledge_services.registration_cancel(
        registration=Registration.objects.get(email="first@example.org")
    )
    promoted = Registration.objects.get(email="second@example.org")
    soon = timezone.now() + timedelta(days=1)
    reminded = make_event(starts_at=soon, ends_at=soon + timedelta(hours=2))
    Registration.objects.create(
        event=reminded,
        name=TYPED_NAME,
        email="second@example.org",
        language=language,
        status=Registration.Status.CONFIRMED,
        submission_token=uuid.uuid4(),
        status_changed_at=timezone.now() - timedelta(days=5),
    )
    outbox_collect()
    knowledge_services.registration_cancel(registration=promoted, by_staff=True)
    # The event moves to another day and place, is cancelled, then takes place after all:
    # everyone signed up is told each time.
    changed = Registration.objects.get(event=reminded).event
    changed.starts_at += timedelta(days=7)
    changed.ends_at += timedelta(days=7)
    changed.venue_sv = changed.venue_en = TYPED_NAME
    knowledge_services.event_save(event=changed)
    changed.is_cancelled = True
    knowledge_services.event_save(event=changed)
    changed.is_cancelled = False
    knowledge_services.event_save(event=changed)

    # alerts: the confirmation, the manage link and a digest.
    alert_services.alert_subscribe(
        email="reader@example.org",
        language=language,
        frequency="weekly",
        kind="events",
        query="language=sv&q=budget",
        submission_token=uuid.uuid4(),
    )
    alert_services.manage_link_request(
        email="reader@example.org", language=language, submission_token=uuid.uuid4()
    )
    now = timezone.now()
    make_subscription(
        email="digest@example.org",
        kind="events",
        language=language,
        confirmed=now - timedelta(days=3),
    )
    alert_event(at=now - timedelta(hours=2), title_sv="Budgetseminarium", title_en="Budget talk")
    alert_services.alert_digests_send(now=now)

    # staff: a sign-in lock tells the account's owner.
    get_user_model().objects.create_user(
        username="anna", email="officer@icld.se", password="x", is_staff=True
    )
    lockout._tell_the_person(sender=None, request=None, username="anna", ip_address="203.0.113.5")


def problems_of(template: str, language: str, message: OutboxMessage) -> list[str]:
    found = []
    parts = {"subject": message.subject, "text": message.body_text, "html": message.body_html}
    for name, part in parts.items():
        if not part.strip():
            found.append(f"{name} is empty")
            continue
        for repr_ in REPRS:
            if repr_ in part:
                found.append(f"{name} shows a Python repr {repr_!r}")
        if word := WORDS.search(part):
            found.append(f"{name} shows {word.group()!r}")
        if name == "text" and "\n\n\n" in part:
            found.append("text has two blank lines in a row")
        if name != "html" and (entity := ENTITIES.search(part)):
            found.append(f"{name} has the HTML entity {entity.group()!r}")
        if template not in BILINGUAL:
            for word in NOT_IN[language]:
                if word in part:
                    found.append(f"{name} in {language} has {word!r}")
    if not message.reply_to:
        found.append("no Reply-To")
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_email_reads_as_a_person_would_write_it(client, composed, language):
    send_everything(client, language)
    problems = []
    for template, arguments, sent in composed:
        if not sent.reply_to:
            problems.append(f"{template}: sent without a Reply-To")
        for rendering_language in LANGUAGES:
            message = outbox_compose(**{**arguments, "language": rendering_language})
            problems += [
                f"{template} ({rendering_language}): {problem}"
                for problem in problems_of(template, rendering_language, message)
            ]
    assert not problems, "\n".join(sorted(set(problems)))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_email_template_is_sent_by_a_scenario(client, composed, language):
    send_everything(client, language)
    templates = email_templates()
    assert len(templates) >= 19
    missing = templates - {template for template, _, _ in composed}
    assert not missing, f"add these emails to send_everything(): {sorted(missing)}"
    for template in templates:
        for suffix in ("_subject.txt", ".txt", ".html"):
            assert list(ROOT.glob(f"*/templates/{template}{suffix}")), template + suffix


def by_template(composed, template: str) -> list[OutboxMessage]:
    return [message for name, _, message in composed if name == template]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_receipt_says_what_happens_next_with_links(client, composed, language):
    send_everything(client, language)
    site = settings.ICLD_SITE_URL
    privacy = site + path("core:privacy", language)

    [interest] = by_template(composed, "partnerships/emails/registration_received")
    for part in (interest.body_text, interest.body_html):
        assert site + path("partnerships:seeker_list", language) in part
        assert privacy in part

    confirmed = by_template(composed, "knowledge/emails/registration_confirmed")[0]
    event = Registration.objects.filter(email="second@example.org").earliest("pk").event
    for part in (confirmed.body_text, confirmed.body_html):
        assert site + path("knowledge:event_ics", language, slug=event.slug) in part
        assert site + path("knowledge:registration_cancel", language, token="x")[:-2] in part
    # Each email that gives a seat carries the calendar file itself.
    for template in ("registration_confirmed", "registration_promoted", "event_reminder"):
        for message in by_template(composed, f"knowledge/emails/{template}"):
            [(name, text, _kind)] = message.headers[core.outbox.ATTACHMENTS]
            assert name.endswith(".ics") and "BEGIN:VEVENT" in text

    [offer] = by_template(composed, "programmes/emails/offer_confirmation")
    for part in (offer.body_text, offer.body_html):
        assert privacy in part
    assert ("arbetsdagar" if language == "sv" else "working days") in offer.body_text

    [alert] = by_template(composed, "alerts/emails/confirm")
    assert ("sluta" if language == "sv" else "stop") in alert.body_text.lower()


def test_replies_reach_the_team_the_email_concerns(client, composed):
    send_everything(client, "en")
    expected = {
        "core/emails/accessibility_report_received": settings.ICLD_CONTACT_EMAIL,
        "core/emails/accessibility_report_reply": settings.ICLD_CONTACT_EMAIL,
        "core/emails/accessibility_report_staff": "reader@example.org",
        "partnerships/emails/registration_received": settings.ICLD_PARTNERSHIP_TEAM_EMAIL,
        "partnerships/emails/registration_team": "anna@vara.example",
        "programmes/emails/offer_confirmation": settings.ICLD_PROGRAMME_TEAM_EMAIL,
        "programmes/emails/offer_notification": "host@vara.example",
        "programmes/emails/visit_confirmed": settings.ICLD_PROGRAMME_TEAM_EMAIL,
        "programmes/emails/visit_changed": settings.ICLD_PROGRAMME_TEAM_EMAIL,
        "programmes/emails/visit_cancelled": settings.ICLD_PROGRAMME_TEAM_EMAIL,
        "programmes/emails/visit_unconfirmed": settings.ICLD_PROGRAMME_TEAM_EMAIL,
        "knowledge/emails/registration_confirmed": settings.ICLD_KNOWLEDGE_TEAM_EMAIL,
        "knowledge/emails/registration_waiting": settings.ICLD_KNOWLEDGE_TEAM_EMAIL,
        "knowledge/emails/registration_reminder": settings.ICLD_KNOWLEDGE_TEAM_EMAIL,
        "knowledge/emails/registration_cancelled": settings.ICLD_KNOWLEDGE_TEAM_EMAIL,
        "knowledge/emails/registration_promoted": settings.ICLD_KNOWLEDGE_TEAM_EMAIL,
        "knowledge/emails/registration_cancelled_by_staff": settings.ICLD_KNOWLEDGE_TEAM_EMAIL,
        "knowledge/emails/event_reminder": settings.ICLD_KNOWLEDGE_TEAM_EMAIL,
        "knowledge/emails/event_changed": settings.ICLD_KNOWLEDGE_TEAM_EMAIL,
        "knowledge/emails/event_cancelled": settings.ICLD_KNOWLEDGE_TEAM_EMAIL,
        "knowledge/emails/event_reinstated": settings.ICLD_KNOWLEDGE_TEAM_EMAIL,
        "alerts/emails/confirm": settings.ICLD_CONTACT_EMAIL,
        "alerts/emails/manage_link": settings.ICLD_CONTACT_EMAIL,
        "alerts/emails/digest": settings.ICLD_CONTACT_EMAIL,
        "staff/emails/locked_out": settings.ICLD_SECURITY_EMAIL,
    }
    seen = {name: message.reply_to for name, _, message in composed}
    assert seen == expected
    # A request about the knowledge team's document: its receipt answers from that team, and
    # its notice goes to the team and to the accessibility contact.
    [team_receipt, _receipt] = by_template(composed, "core/emails/accessibility_report_received")
    assert team_receipt.reply_to == settings.ICLD_KNOWLEDGE_TEAM_EMAIL
    [team_notice, _notice] = by_template(composed, "core/emails/accessibility_report_staff")
    assert team_notice.to == [settings.ICLD_KNOWLEDGE_TEAM_EMAIL, settings.ICLD_CONTACT_EMAIL]


def test_the_people_signed_up_get_each_change_with_a_calendar_file_that_replaces_it(
    client, composed
):
    send_everything(client, "sv")
    sequences = []
    for template in ("event_changed", "event_cancelled", "event_reinstated"):
        [message] = by_template(composed, f"knowledge/emails/{template}")
        [(name, text, _kind)] = message.headers[core.outbox.ATTACHMENTS]
        assert name.endswith(".ics")
        sequences.append(int(text.split("SEQUENCE:")[1].split()[0]))
        assert ("STATUS:CANCELLED" in text) == (template == "event_cancelled")
    assert sequences == [1, 2, 3]
