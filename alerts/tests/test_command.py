from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from alerts.models import Delivery, Subscription
from alerts.tests.factories import call, event, make_subscription
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


# --- One failing alert does not stop the others ------------------------------------------------


@pytest.fixture
def publications_kind_breaks_the_database(monkeypatch):
    """The publications kind sends PostgreSQL a query it refuses (as a hostile saved search
    once did): the error aborts the transaction it runs in."""
    from django.db import connection

    from alerts import kinds

    def refused(*args, **kwargs):
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_tsquery('simple', '&&(')")
        return []

    monkeypatch.setattr(kinds.get("publications"), "items", refused)


def test_an_alert_that_fails_between_two_good_ones_stops_neither(
    publications_kind_breaks_the_database, caplog
):
    now = timezone.now()
    first = make_subscription(email="a@example.org", confirmed=now - timedelta(days=3))
    broken = make_subscription(
        email="b@example.org", kind="publications", confirmed=now - timedelta(days=3)
    )
    last = make_subscription(email="c@example.org", confirmed=now - timedelta(days=3))
    event(at=now - timedelta(hours=1))

    out = StringIO()
    # CommandError: manage.py exits with status 1, after every address was tried.
    with pytest.raises(CommandError) as failure:
        call_command("send_alert_digests", stdout=out)

    assert sorted(m.to[0] for m in OutboxMessage.objects.all()) == [
        "a@example.org",
        "c@example.org",
    ]
    assert "Queued 2 digests with 2 items" in out.getvalue()
    assert str(failure.value).startswith(f"1 alerts failed and were left out (ids {broken.pk})")
    assert f"alert {broken.pk} failed" in caplog.text
    # The good ones moved on; the broken one is tried again next time.
    first.refresh_from_db(), last.refresh_from_db(), broken.refresh_from_db()
    assert first.last_digest_at and last.last_digest_at and broken.last_digest_at is None


def test_an_address_still_gets_its_other_alerts_when_one_of_them_fails(
    publications_kind_breaks_the_database,
):
    now = timezone.now()
    make_subscription(kind="events", confirmed=now - timedelta(days=3))
    broken = make_subscription(kind="publications", confirmed=now - timedelta(days=3))
    make_subscription(kind="calls", confirmed=now - timedelta(days=3))
    seminar = event(at=now - timedelta(hours=1))
    research_call = call(at=now - timedelta(hours=1))

    with pytest.raises(CommandError, match=f"ids {broken.pk}\\)"):
        call_command("send_alert_digests", stdout=StringIO())

    message = OutboxMessage.objects.get()
    assert seminar.title_sv in message.body_text and research_call.title_sv in message.body_text
    assert Delivery.objects.count() == 2
