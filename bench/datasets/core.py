"""Benchmark data for core: accessibility reports, part of the 100,000 form submissions."""

import uuid

from django.utils import timezone

from core.models import AccessibilityReport

FULL = {"accessibility reports": 10_000}


def generate(*, scale: float, stdout) -> None:
    target = int(FULL["accessibility reports"] * scale)
    missing = target - AccessibilityReport.objects.count()
    kinds = [AccessibilityReport.Kind.BARRIER, AccessibilityReport.Kind.ACCESSIBLE_VERSION]
    statuses = list(AccessibilityReport.Status.values)
    batch = []
    for number in range(max(0, missing)):
        batch.append(
            AccessibilityReport(
                kind=kinds[number % 2],
                page_url=f"/sv/sida-{number}/",
                description=f"Knappen på sidan {number} går inte att nå med tangentbordet.",
                email=f"person{number}@example.se",
                language=("sv", "en")[number % 2],
                status=statuses[number % len(statuses)],
                submission_token=uuid.uuid4(),
                emails_queued_at=timezone.now(),  # old reports: their emails went long ago
            )
        )
        if len(batch) == 5000:
            AccessibilityReport.objects.bulk_create(batch)
            batch = []
    AccessibilityReport.objects.bulk_create(batch)
    stdout.write(f"accessibility reports: {AccessibilityReport.objects.count():,}")


def counts() -> dict[str, int]:
    return {"accessibility reports": AccessibilityReport.objects.count()}
