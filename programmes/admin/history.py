"""The history of changes to offers and visits: read-only, kept by the services."""

from __future__ import annotations

from django.contrib import admin

from core.admin_utils import ChangeHistoryInline, ChangeRecordAdmin
from programmes.models import HistoryEntry


class HistoryInline(ChangeHistoryInline):
    model = HistoryEntry


@admin.register(HistoryEntry)
class HistoryEntryAdmin(ChangeRecordAdmin):
    list_display = ["at", "event", "offer", "visit", "by"]
    list_select_related = ["offer__organisation", "visit__host", "by"]
    search_fields = ["offer__organisation__short_name", "visit__host__short_name"]
    fields = ["offer", "visit", "at", "by", "event", "changes_display"]
    readonly_fields = fields


def history_changes(form, old) -> dict:
    """(old, new) for each model field the admin form changed, by field name."""
    changes = {}
    for name in form.changed_data:
        if name not in form.instance.__class__._meta._forward_fields_map:
            continue
        field = form.instance._meta.get_field(name)
        if field.many_to_many:
            continue
        changes[name] = (
            getattr(old, name) if old is not None else None,
            getattr(form.instance, name),
        )
    return changes
