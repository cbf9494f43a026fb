"""A report is saved with one INSERT; the outbox worker queues its emails, each once."""

import re
import uuid

import pytest
from django.core import mail
from django.utils import timezone

from core import registries
from core.models import AccessibilityReport, OutboxMessage
from core.outbox import outbox_deliver_due, outbox_enqueue
from core.services import accessibility_report_emails, accessibility_report_submit
from core.submissions import SubmissionTokenReused

pytestmark = pytest.mark.django_db


def submit(**overrides):
    return accessibility_report_submit(
        **{
            "kind": "barrier",
            "description": "Kartan går inte att använda med tangentbordet.",
            "email": "anna@example.se",
            "language": "sv",
            "submission_token": uuid.uuid4(),
            **overrides,
        }
    )


def test_the_same_token_saves_one_report_and_returns_it():
    token = uuid.uuid4()
    first = submit(submission_token=token)
    again = submit(submission_token=token)
    assert first.pk == again.pk
    assert AccessibilityReport.objects.get().description.startswith("Kartan")


def test_the_same_token_with_other_words_is_refused_and_saves_nothing():
    token = uuid.uuid4()
    submit(submission_token=token)
    with pytest.raises(SubmissionTokenReused):
        submit(submission_token=token, description="Another text")
    assert AccessibilityReport.objects.get().description.startswith("Kartan")


def test_each_report_gets_its_receipt_and_staff_notice_once():
    reports = [submit(email=f"person{number}@example.se") for number in range(3)]
    assert accessibility_report_emails() == 3
    assert accessibility_report_emails() == 0  # a second worker finds nothing left
    assert OutboxMessage.objects.count() == 6
    assert outbox_deliver_due() == (6, 0)
    for report in reports:
        assert sum(email.to == [report.email] for email in mail.outbox) == 1
        report.refresh_from_db()
        assert report.emails_queued_at is not None


def test_a_report_erased_before_the_worker_runs_is_never_emailed():
    submit().delete()
    assert outbox_deliver_due() == (0, 0)
    assert mail.outbox == []


def test_a_broken_collector_does_not_stop_the_mail(monkeypatch):
    def broken(*, limit):
        raise RuntimeError("a template error")

    monkeypatch.setattr(
        registries.outbox_collectors,
        "_entries",
        {"broken": broken, "accessibility reports": accessibility_report_emails},
    )
    submit()
    outbox_enqueue(
        to=["kommun@example.se"],
        template="core/emails/accessibility_report_reply",
        context={"report": AccessibilityReport.objects.get()},
        language="en",
    )
    assert outbox_deliver_due() == (3, 0)


def test_staff_see_in_admin_whether_a_reports_emails_are_queued(staff_client):
    report = submit()
    url = f"/admin/core/accessibilityreport/{report.pk}/change/"
    waiting = staff_client.get(url, HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "E-post lagd i kö" in waiting
    assert queued_value(waiting) == "-"
    accessibility_report_emails()
    queued = staff_client.get(url, HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert str(timezone.localdate().year) in queued_value(queued)


def queued_value(html: str) -> str:
    row = html.split("field-emails_queued_at", 1)[1]
    return re.search(r'<div class="readonly">(.*?)</div>', row, re.S).group(1).strip()
