"""Writes of the core app: accessibility reports and their replies."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.models import AccessibilityReport, AccessibilityStatement
from core.outbox import outbox_enqueue


def accessibility_report_submit(
    *,
    kind: str,
    description: str,
    email: str,
    language: str,
    submission_token: uuid.UUID,
    page_url: str = "",
    name: str = "",
) -> AccessibilityReport:
    """Save a report once per submission token, and queue the receipt and the staff notice."""
    existing = AccessibilityReport.objects.filter(submission_token=submission_token).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            report = AccessibilityReport.objects.create(
                kind=kind,
                description=description,
                email=email,
                language=language,
                submission_token=submission_token,
                page_url=page_url,
                name=name,
            )
            statement = AccessibilityStatement.objects.first()
            outbox_enqueue(
                to=[email],
                template="core/emails/accessibility_report_received",
                context={"report": report, "statement": statement},
                language=language,
            )
            outbox_enqueue(
                to=[statement.contact_email if statement else settings.ICLD_CONTACT_EMAIL],
                template="core/emails/accessibility_report_staff",
                context={"report": report},
                language=settings.LANGUAGE_CODE,
                reply_to=email,
            )
    except IntegrityError:
        # The same token posted twice at the same moment: the other request saved it.
        return AccessibilityReport.objects.get(submission_token=submission_token)
    return report


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
    )
    return report
