"""Builders for alert tests: subscriptions, and items of every kind published at a given time."""

from __future__ import annotations

import itertools
import uuid
from datetime import datetime, timedelta

from django.utils import timezone

from alerts.models import Subscription
from knowledge.tests.factories import make_call, make_event, make_publication
from partnerships.models import Partnership
from partnerships.tests.factories import partnership

_counter = itertools.count(1)


def make_subscription(
    *,
    email: str = "reader@example.org",
    kind: str = "events",
    query: str = "",
    language: str = "sv",
    frequency: str = "daily",
    confirmed: datetime | None = None,
    **fields,
) -> Subscription:
    confirmed = confirmed if confirmed is not None else timezone.now() - timedelta(days=30)
    key = Subscription.objects.filter(email=email).values_list("unsubscribe_key", flat=True).first()
    if key:
        fields.setdefault("unsubscribe_key", key)
    return Subscription.objects.create(
        email=email,
        kind=kind,
        query=query,
        language=language,
        frequency=frequency,
        submission_token=uuid.uuid4(),
        confirmed_at=confirmed,
        since=confirmed,
        **fields,
    )


def published_partnership(*, at: datetime | None = None, **fields) -> Partnership:
    item = partnership(**fields)
    Partnership.objects.filter(pk=item.pk).update(published_at=at or timezone.now())
    item.refresh_from_db()
    return item


def event(*, at: datetime | None = None, **fields):
    return make_event(created_at=at or timezone.now(), **fields)


def publication(*, at: datetime | None = None, **fields):
    return make_publication(created_at=at or timezone.now(), **fields)


def call(*, at: datetime | None = None, **fields):
    return make_call(created_at=at or timezone.now(), **fields)


def sequence() -> int:
    return next(_counter)
