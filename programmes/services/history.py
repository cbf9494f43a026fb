"""The history kept for offers and visits: old and new values, who and when."""

from __future__ import annotations

from django.db.models import Model

from programmes.models import HistoryEntry, HostingOffer, ScheduledVisit


def _value_for_history(value):
    """A value as stored in the history: a choice's key, not its label, so that it can be
    shown in any language; yes/no and empty stay what they are."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, Model):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [_value_for_history(item) for item in value]
    return str(value)


def history_record(
    *,
    subject: HostingOffer | ScheduledVisit,
    event: HistoryEntry.Event,
    changes: dict | None = None,
    by=None,
) -> HistoryEntry:
    """Add a history entry to an offer or a visit; ``changes`` maps field names to
    (old, new)."""
    target = {"offer": subject} if isinstance(subject, HostingOffer) else {"visit": subject}
    return HistoryEntry.objects.create(
        event=event,
        by=by if getattr(by, "pk", None) else None,
        changes={
            field: [_value_for_history(old), _value_for_history(new)]
            for field, (old, new) in (changes or {}).items()
        },
        **target,
    )
