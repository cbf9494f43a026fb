import re
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from alerts import services, tokens
from alerts.models import Delivery, Digest, ManageLinkRequest, Subscription
from alerts.tests.factories import event, make_subscription
from core.models import OutboxMessage
from core.personal_data import apply_retention

pytestmark = pytest.mark.django_db


def subscribe(**kwargs) -> Subscription:
    values = {
        "email": "Reader@Example.org",
        "language": "en",
        "frequency": "weekly",
        "kind": "events",
        "query": "language=sv",
        "submission_token": uuid.uuid4(),
    }
    return services.alert_subscribe(**{**values, **kwargs})


# --- Double opt-in -----------------------------------------------------------------------------


def test_subscribing_saves_an_unconfirmed_alert_and_emails_a_confirm_link_in_its_language():
    subscription = subscribe()
    assert subscription.email == "reader@example.org"
    assert not subscription.is_confirmed
    message = OutboxMessage.objects.get()
    assert message.to == ["reader@example.org"]
    assert message.language == "en"
    assert "Seminars and workshops" in message.subject
    link = re.search(r"https://portal\.example/en/alerts/confirm/(\S+)/", message.body_text)
    from alerts.selectors import subscription_from_confirm_token

    assert subscription_from_confirm_token(link.group(1)) == subscription


def test_the_same_submission_token_saves_and_emails_once():
    token = uuid.uuid4()
    first = subscribe(submission_token=token)
    second = subscribe(submission_token=token)
    assert first.pk == second.pk
    assert Subscription.objects.count() == 1
    assert OutboxMessage.objects.count() == 1


def test_nothing_is_sent_before_confirmation():
    subscribe()
    event(at=timezone.now() + timedelta(hours=1), language="sv")
    run = services.alert_digests_send(now=timezone.now() + timedelta(days=2))
    assert run.sent == 0
    assert OutboxMessage.objects.count() == 1  # only the confirmation


def test_a_form_cannot_flood_an_address_with_confirmation_emails():
    for _ in range(services.MAX_PENDING_EMAILS_A_DAY + 3):
        subscribe()
    assert OutboxMessage.objects.count() == services.MAX_PENDING_EMAILS_A_DAY


def test_confirming_starts_the_alert_from_that_moment():
    subscription = subscribe()
    now = timezone.now()
    confirmed = services.alert_confirm(subscription=subscription, now=now)
    assert confirmed.confirmed_at == now
    assert confirmed.since == now


def test_confirming_an_alert_the_address_already_has_does_not_double_it():
    existing = make_subscription(
        email="reader@example.org",
        kind="events",
        query="language=sv",
        frequency="daily",
        language="sv",
    )
    again = subscribe(frequency="weekly", language="en")
    result = services.alert_confirm(subscription=again)
    assert result.pk == existing.pk
    assert Subscription.objects.count() == 1
    existing.refresh_from_db()
    assert existing.frequency == "weekly"
    assert existing.language == "en"  # the address's emails follow the language chosen last


def test_confirm_token_expires_after_a_week(settings):
    subscription = subscribe()
    token = tokens.confirm_token(subscription)
    from alerts.selectors import subscription_from_confirm_token

    assert subscription_from_confirm_token(token) == subscription
    assert subscription_from_confirm_token(token + "x") is None
    later = timezone.now() + timedelta(days=8)
    from unittest import mock

    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        assert subscription_from_confirm_token(token) is None


# --- Unsubscribe, manage, housekeeping ---------------------------------------------------------


def test_unsubscribing_the_last_alert_forgets_the_address():
    first = make_subscription(kind="events")
    second = make_subscription(kind="calls")
    Digest.objects.create(email=first.email, sent_on=timezone.localdate(), language="sv")
    assert services.alert_unsubscribe(email=first.email, ids=[first.pk]) == 1
    assert list(Subscription.objects.all()) == [second]
    assert Digest.objects.exists()
    assert services.alert_unsubscribe(email="READER@example.org") == 1
    assert not Subscription.objects.exists()
    assert not Digest.objects.exists()


def test_unsubscribe_only_touches_the_address_of_the_link():
    mine = make_subscription(email="me@example.org")
    other = make_subscription(email="other@example.org")
    assert services.alert_unsubscribe(email="me@example.org", ids=[mine.pk, other.pk]) == 1
    assert list(Subscription.objects.all()) == [other]


def test_the_manage_link_goes_only_to_an_address_with_alerts():
    make_subscription(email="me@example.org")
    services.manage_link_request(
        email="nobody@example.org", language="sv", submission_token=uuid.uuid4()
    )
    assert not OutboxMessage.objects.exists()
    token = uuid.uuid4()
    services.manage_link_request(email="ME@example.org", language="en", submission_token=token)
    services.manage_link_request(email="me@example.org", language="en", submission_token=token)
    message = OutboxMessage.objects.get()
    assert message.to == ["me@example.org"]
    assert "https://portal.example/en/alerts/manage/" in message.body_text
    assert ManageLinkRequest.objects.filter(sent=True).count() == 1


def test_unconfirmed_alerts_are_deleted_after_a_week():
    now = timezone.now()
    old = subscribe()
    recent = subscribe()
    confirmed = make_subscription()
    Subscription.objects.filter(pk__in=[old.pk, confirmed.pk]).update(
        created_at=now - timedelta(days=8)
    )
    Subscription.objects.filter(pk=recent.pk).update(created_at=now - timedelta(days=6))
    deleted = apply_retention(now=now)
    assert deleted["alerts.Subscription"] == 1
    assert set(Subscription.objects.values_list("pk", flat=True)) == {recent.pk, confirmed.pk}


# --- Digests -----------------------------------------------------------------------------------


def test_the_digest_lists_only_new_matching_items_in_the_subscribers_language():
    now = timezone.now()
    subscription = make_subscription(
        kind="events", query="language=sv", language="en", confirmed=now - timedelta(days=3)
    )
    old = event(at=now - timedelta(days=5), language="sv", title_en="Old seminar")
    new = event(
        at=now - timedelta(hours=2),
        language="sv",
        title_en="Budget seminar",
        title_sv="Budgetseminarium",
    )
    other = event(at=now - timedelta(hours=2), language="en", title_en="English webinar")

    run = services.alert_digests_send(now=now)

    assert (run.sent, run.items) == (1, 1)
    message = OutboxMessage.objects.get()
    assert message.language == "en"
    assert message.subject == "ICLD alert: 1 new item"
    assert "Budget seminar" in message.body_text and "Budgetseminarium" not in message.body_text
    assert f"https://portal.example/en/knowledge-centre/events/{new.slug}/" in message.body_text
    assert old.title_en not in message.body_text and other.title_en not in message.body_text
    assert "Language: Swedish" in message.body_text  # the filter, in words
    unsubscribe = message.headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<https://portal.example/en/alerts/unsubscribe/")
    assert message.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe.strip("<>") in message.body_text
    subscription.refresh_from_db()
    assert subscription.last_digest_at == now


def test_a_swedish_digest_is_in_swedish():
    now = timezone.now()
    make_subscription(kind="events", language="sv", confirmed=now - timedelta(days=3))
    event(at=now - timedelta(hours=2), title_sv="Budgetseminarium", title_en="Budget seminar")
    services.alert_digests_send(now=now)
    message = OutboxMessage.objects.get()
    assert message.language == "sv"
    assert "Budgetseminarium" in message.body_text
    assert "/sv/kunskapscentrum/" in message.body_text
    assert message.subject == "ICLD-bevakning: 1 ny post"


def test_one_email_per_address_however_many_alerts_it_has():
    now = timezone.now()
    make_subscription(kind="events", confirmed=now - timedelta(days=3))
    make_subscription(kind="calls", confirmed=now - timedelta(days=3))
    event(at=now - timedelta(hours=2))
    from alerts.tests.factories import call

    call(at=now - timedelta(hours=2))
    run = services.alert_digests_send(now=now)
    assert run.sent == 1
    assert OutboxMessage.objects.count() == 1
    assert Delivery.objects.count() == 2


def midday_yesterday():
    """Noon in Sweden yesterday: runs a few minutes or an hour apart then fall on one Swedish
    day, whatever the time the tests run (near midnight they would not)."""
    noon = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    return noon - timedelta(days=1)


def test_running_again_sends_nothing_twice():
    now = midday_yesterday()
    make_subscription(kind="events", frequency="daily", confirmed=now - timedelta(days=3))
    first = event(at=now - timedelta(hours=2))
    services.alert_digests_send(now=now)
    services.alert_digests_send(now=now + timedelta(minutes=5))  # the same day
    assert OutboxMessage.objects.count() == 1
    # The next day: only what is new since.
    services.alert_digests_send(now=now + timedelta(days=1))
    assert OutboxMessage.objects.count() == 1  # nothing new, no email
    second = event(at=now + timedelta(days=1, hours=1))
    services.alert_digests_send(now=now + timedelta(days=2))
    assert OutboxMessage.objects.count() == 2
    latest = OutboxMessage.objects.latest("created_at")
    assert second.title_sv in latest.body_text
    assert first.title_sv not in latest.body_text


def test_a_crash_midway_sends_the_rest_on_the_next_run_and_nothing_twice(monkeypatch):
    now = timezone.now()
    addresses = ["a@example.org", "b@example.org", "c@example.org"]
    for address in addresses:
        make_subscription(email=address, kind="events", confirmed=now - timedelta(days=3))
    event(at=now - timedelta(hours=2))
    event(at=now - timedelta(hours=1))

    real_enqueue = services.outbox_enqueue
    calls = []

    def enqueue_then_crash(**kwargs):
        message = real_enqueue(**kwargs)
        calls.append(kwargs["to"])
        if len(calls) == 2:
            raise KeyboardInterrupt  # the process is stopped (an error is isolated instead)
        return message

    monkeypatch.setattr(services, "outbox_enqueue", enqueue_then_crash)
    with pytest.raises(KeyboardInterrupt):
        services.alert_digests_send(now=now)
    # The first address is done; the second's transaction was rolled back whole.
    assert [m.to for m in OutboxMessage.objects.all()] == [["a@example.org"]]
    assert Delivery.objects.count() == 2

    monkeypatch.setattr(services, "outbox_enqueue", real_enqueue)
    run = services.alert_digests_send(now=now + timedelta(minutes=10))
    assert run.sent == 2
    assert sorted(m.to[0] for m in OutboxMessage.objects.all()) == addresses
    assert Delivery.objects.count() == 6  # two items for each of three alerts, once each
    assert Digest.objects.count() == 3


def test_daily_alerts_email_at_most_once_a_day_and_weekly_once_a_week():
    start = midday_yesterday()
    make_subscription(
        email="daily@example.org", frequency="daily", confirmed=start - timedelta(days=1)
    )
    make_subscription(
        email="weekly@example.org", frequency="weekly", confirmed=start - timedelta(days=8)
    )
    sent = {"daily@example.org": 0, "weekly@example.org": 0}
    for day in range(14):
        now = start + timedelta(days=day)
        event(at=now - timedelta(hours=1))  # something new every day
        for _run in range(2):  # cron may run more than once a day
            services.alert_digests_send(now=now + timedelta(hours=_run))
    for message in OutboxMessage.objects.all():
        sent[message.to[0]] += 1
    assert sent == {"daily@example.org": 14, "weekly@example.org": 2}
    weekly = Subscription.objects.get(email="weekly@example.org")
    # The weekly emails listed every new item of the two weeks between them, none twice.
    assert weekly.deliveries.count() == weekly.deliveries.values("item_key").distinct().count()
    assert weekly.deliveries.count() >= 8
