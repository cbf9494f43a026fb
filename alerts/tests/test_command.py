from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from alerts.models import Subscription
from alerts.tests.factories import event, make_subscription
from core.models import OutboxMessage

pytestmark = pytest.mark.django_db


def test_the_command_cleans_up_then_queues_the_digests_and_is_safe_to_rerun():
    make_subscription(confirmed=timezone.now() - timedelta(days=3))
    stale = make_subscription(email="late@example.org")
    Subscription.objects.filter(pk=stale.pk).update(
        confirmed_at=None, created_at=timezone.now() - timedelta(days=8)
    )
    event(at=timezone.now() - timedelta(hours=1))
    out = StringIO()
    call_command("send_alert_digests", stdout=out)
    assert "Deleted 1 unconfirmed alerts" in out.getvalue()
    assert "Queued 1 digests with 1 items" in out.getvalue()
    call_command("send_alert_digests", stdout=StringIO())
    assert OutboxMessage.objects.count() == 1
    assert not Subscription.objects.filter(pk=stale.pk).exists()


def test_cleanup_only_sends_nothing():
    make_subscription(confirmed=timezone.now() - timedelta(days=3))
    event(at=timezone.now() - timedelta(hours=1))
    call_command("send_alert_digests", "--cleanup-only", stdout=StringIO())
    assert not OutboxMessage.objects.exists()
