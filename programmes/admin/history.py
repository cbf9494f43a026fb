"""The history of changes to offers and visits: read-only, kept by the services."""

from __future__ import annotations

from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from programmes.models import HistoryEntry


class HistoryChangesMixin:
    @admin.display(description=_("changes"))
    def changes_display(self, entry: HistoryEntry):
        return format_html_join("", "<div><strong>{}</strong>: {} → {}</div>", entry.change_rows())


class HistoryInline(HistoryChangesMixin, admin.TabularInline):
    model = HistoryEntry
    extra = 0
    can_delete = False
    fields = ["at", "by", "event", "changes_display"]
    readonly_fields = fields
    verbose_name_plural = _("history of changes")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(HistoryEntry)
class HistoryEntryAdmin(HistoryChangesMixin, admin.ModelAdmin):
    list_display = ["at", "event", "offer", "visit", "by"]
    list_filter = ["event", "at"]
    list_select_related = ["offer__organisation", "visit__host", "by"]
    search_fields = ["offer__organisation__short_name", "visit__host__short_name"]
    fields = ["offer", "visit", "at", "by", "event", "changes_display"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


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
