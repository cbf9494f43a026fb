"""Writes of the core app: accessibility reports and their replies."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core.models import AccessibilityReport, AccessibilityStatement
from core.outbox import (
    outbox_compose,
    outbox_enqueue,
    outbox_enqueue_all,
    outbox_enqueue_receipt,
)
from core.submissions import SubmissionTokenReused, fields_match


def accessibility_report_submit(
    *,
    kind: str,
    description: str,
    email: str,
    language: str,
    submission_token: uuid.UUID,
    page_url: str = "",
    name: str = "",
    team: str = "",
) -> AccessibilityReport:
    """Save a report once per submission token.

    One INSERT and one read by the token, so a flood of reports stays cheap: the report is its
    own entry in the outbox, and the worker queues its emails (``accessibility_report_emails``).
    A second post of the same form (a double click, a reload) meets the unique token and
    saves nothing: the report returned is the row the first post saved. The same token with
    other content raises ``SubmissionTokenReused``. Each statement is atomic on its own and
    needs no transaction. ``team``: a key of ``settings.ICLD_TEAM_EMAILS`` (the team that owns
    the document), or "" (any other is not kept).
    """
    content = {
        "kind": kind,
        "description": description,
        "email": email,
        "page_url": page_url,
        "name": name,
        "team": team if team in settings.ICLD_TEAM_EMAILS else "",
    }
    report = AccessibilityReport(language=language, submission_token=submission_token, **content)
    # INSERT ... ON CONFLICT DO NOTHING, then whichever row holds the token: this one, or the
    # one an earlier (or racing) post saved.
    AccessibilityReport.objects.bulk_create([report], ignore_conflicts=True)
    saved = AccessibilityReport.objects.filter(submission_token=submission_token).first()
    if saved is None or not fields_match(saved, **content):
        raise SubmissionTokenReused
    return saved


def accessibility_report_emails(*, limit: int = 100) -> int:
    """Queue the receipt and the staff notice of reports saved since the last run, once each.

    Run by the outbox worker before it sends (core/contributions.py registers it). The reports
    are locked (``SKIP LOCKED``) and marked in the transaction that queues their emails, so several
    workers never queue the same report twice; a report erased first is never emailed.
    """
    with transaction.atomic():
        reports = list(
            AccessibilityReport.objects.filter(emails_queued_at__isnull=True)
            .select_for_update(skip_locked=True)
            .order_by("pk")[:limit]
        )
        if not reports:
            return 0
        statement = AccessibilityStatement.objects.first()
        staff = _accessibility_team(statement)
        notices = []
        for report in reports:
            team = _owning_team(report)
            outbox_enqueue_receipt(
                to=report.email,
                template="core/emails/accessibility_report_received",
                context={"report": report, "statement": statement},
                language=report.language,
                reply_to=team or staff,
            )
            notices.append(
                outbox_compose(
                    # The team that owns the document makes the version; the accessibility
                    # contact is on it too, as it keeps every report to its legal deadline.
                    to=list(dict.fromkeys(address for address in (team, staff) if address)),
                    template="core/emails/accessibility_report_staff",
                    context={"report": report},
                    language=settings.LANGUAGE_CODE,
                    reply_to=report.email or staff,
                )
            )
        outbox_enqueue_all(*notices)
        AccessibilityReport.objects.filter(pk__in=[report.pk for report in reports]).update(
            emails_queued_at=timezone.now()
        )
    return len(reports)


def _owning_team(report: AccessibilityReport) -> str:
    """The address of the team that owns the document asked about ("" for none)."""
    return settings.ICLD_TEAM_EMAILS.get(report.team, "") if report.team else ""


def _accessibility_team(statement: AccessibilityStatement | None = None) -> str:
    """Who answers about accessibility: the statement's contact, else ICLD's."""
    statement = statement or AccessibilityStatement.objects.first()
    return (statement.contact_email if statement else "") or settings.ICLD_CONTACT_EMAIL


@transaction.atomic
def accessibility_report_reply(*, report: AccessibilityReport, reply: str) -> AccessibilityReport:
    """Email staff's reply to the sender, in the sender's language, and mark the report answered."""
    report = AccessibilityReport.objects.select_for_update().get(pk=report.pk)
    report.reply = reply
    report.status = AccessibilityReport.Status.ANSWERED
    report.replied_at = timezone.now()
    report.save(update_fields=["reply", "status", "replied_at", "updated_at"])
    outbox_enqueue(
        to=[report.email],
        template="core/emails/accessibility_report_reply",
        context={"report": report},
        language=report.language,
        reply_to=_owning_team(report) or _accessibility_team(),
    )
    return report
