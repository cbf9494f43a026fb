from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from alerts.models import Subscription
from alerts.tests.factories import event, make_subscription
from core.models import OutboxMessage

pytestmark = pytest.mark.django_db


def test_the_command_queues_the_digests_and_is_safe_to_rerun():
    make_subscription(confirmed=timezone.now() - timedelta(days=3))
    event(at=timezone.now() - timedelta(hours=1))
    out = StringIO()
    call_command("send_alert_digests", stdout=out)
    assert "Queued 1 digests with 1 items" in out.getvalue()
    call_command("send_alert_digests", stdout=StringIO())
    assert OutboxMessage.objects.count() == 1


def test_the_daily_retention_run_deletes_alerts_unconfirmed_after_a_week():
    stale = make_subscription(email="late@example.org")
    Subscription.objects.filter(pk=stale.pk).update(
        confirmed_at=None, created_at=timezone.now() - timedelta(days=8)
    )
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert "alerts.Subscription: erased 1" in out.getvalue()
    assert not Subscription.objects.filter(pk=stale.pk).exists()
