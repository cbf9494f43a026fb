"""Demo alerts: one address following three lists, so the admin and the manage page have
something to show. example.org is reserved: no email ever reaches anyone."""

from __future__ import annotations

import uuid

from django.utils import timezone

from alerts.models import Subscription

DEMO_EMAIL = "demo.reader@example.org"
DEMO_ALERTS = [
    # (stable token, kind, query, frequency, language)
    ("5d0c1f0e-4c1a-4a55-9a39-2f6d8e0a0001", "calls", "theme=gender-equality", "weekly", "en"),
    ("5d0c1f0e-4c1a-4a55-9a39-2f6d8e0a0002", "events", "language=sv", "weekly", "en"),
    ("5d0c1f0e-4c1a-4a55-9a39-2f6d8e0a0003", "partnerships", "country=kenya", "weekly", "en"),
]


def seed(stdout) -> None:
    created = 0
    for token, kind, query, frequency, language in DEMO_ALERTS:
        _subscription, was_created = Subscription.objects.get_or_create(
            submission_token=uuid.UUID(token),
            defaults={
                "email": DEMO_EMAIL,
                "kind": kind,
                "query": query,
                "frequency": frequency,
                "language": language,
                "confirmed_at": timezone.now(),
                "since": timezone.now(),
            },
        )
        created += was_created
    stdout.write(f"Alerts: {created} demo alerts added.")
