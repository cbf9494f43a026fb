"""Two digest runs at the same moment (cron overlapping a manual run): one email per address."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from alerts import services
from alerts.models import Delivery, Digest
from alerts.tests.factories import event, make_subscription
from core.models import OutboxMessage


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_runs_at_once_send_each_address_one_digest():
    now = timezone.now()
    for n in range(4):
        make_subscription(email=f"r{n}@example.org", confirmed=now - timedelta(days=3))
    event(at=now - timedelta(hours=1))
    barrier = threading.Barrier(2)
    errors = []

    def run():
        try:
            barrier.wait()
            services.alert_digests_send(now=now)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(m.to[0] for m in OutboxMessage.objects.all()) == [
        f"r{n}@example.org" for n in range(4)
    ]
    assert Digest.objects.count() == 4
    assert Delivery.objects.count() == 4
