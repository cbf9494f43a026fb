"""The history kept for offers and visits: old and new values, who and when."""

from __future__ import annotations

from django.db.models import Model

from programmes.models import HistoryEntry, HostingOffer, ScheduledVisit


def _value_for_history(value) -> str:
    if isinstance(value, Model):
        return str(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    return "" if value is None else str(value)


def history_record(
    *, subject: HostingOffer | ScheduledVisit, summary: str, changes: dict | None = None, by=None
) -> HistoryEntry:
    """Add a history entry to an offer or a visit."""
    target = {"offer": subject} if isinstance(subject, HostingOffer) else {"visit": subject}
    return HistoryEntry.objects.create(
        summary=summary[:300],
        by=by if getattr(by, "pk", None) else None,
        changes={
            field: [_value_for_history(old), _value_for_history(new)]
            for field, (old, new) in (changes or {}).items()
        },
        **target,
    )
