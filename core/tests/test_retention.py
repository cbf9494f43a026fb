"""Personal data goes when the privacy notice says it does."""

import uuid
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from core.models import AccessibilityReport, OutboxMessage

pytestmark = pytest.mark.django_db


def report(**fields):
    return AccessibilityReport.objects.create(
        kind="barrier",
        description="x",
        email="a@example.se",
        language="sv",
        submission_token=uuid.uuid4(),
        **fields,
    )


def test_reports_and_sent_emails_past_retention_are_deleted_and_nothing_else():
    now = timezone.now()
    old_answered = report(status="answered", replied_at=now - timedelta(days=800))
    recent_answered = report(status="answered", replied_at=now - timedelta(days=100))
    old_but_open = report(status="new")
    AccessibilityReport.objects.filter(pk=old_but_open.pk).update(
        created_at=now - timedelta(days=900)
    )
    old_closed = report(status="closed")
    AccessibilityReport.objects.filter(pk=old_closed.pk).update(
        updated_at=now - timedelta(days=800)
    )
    sent_long_ago = OutboxMessage.objects.create(
        to=["a@example.se"],
        subject="s",
        body_text="b",
        language="sv",
        message_id="<1@x>",
        status="sent",
        sent_at=now - timedelta(days=40),
    )
    waiting = OutboxMessage.objects.create(
        to=["a@example.se"], subject="s", body_text="b", language="sv", message_id="<2@x>"
    )

    output = StringIO()
    call_command("apply_retention", "--dry-run", stdout=output)
    assert "core.AccessibilityReport: would erase 2" in output.getvalue()
    assert "core.OutboxMessage: would erase 1" in output.getvalue()
    assert AccessibilityReport.objects.count() == 4

    call_command("apply_retention", stdout=StringIO())
    assert set(AccessibilityReport.objects.values_list("pk", flat=True)) == {
        recent_answered.pk,
        old_but_open.pk,
    }
    assert list(OutboxMessage.objects.values_list("pk", flat=True)) == [waiting.pk]
    assert not AccessibilityReport.objects.filter(pk__in=[old_answered.pk, old_closed.pk]).exists()
    assert not OutboxMessage.objects.filter(pk=sent_long_ago.pk).exists()
