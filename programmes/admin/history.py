"""The history of changes to offers and visits: read-only, kept by the services."""

from __future__ import annotations

from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from programmes.models import HistoryEntry


class HistoryInline(admin.TabularInline):
    model = HistoryEntry
    extra = 0
    can_delete = False
    fields = ["at", "by", "summary", "changes_display"]
    readonly_fields = fields
    verbose_name_plural = _("history of changes")

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("changes"))
    def changes_display(self, obj: HistoryEntry):
        return format_html_join(
            "",
            "<div><strong>{}</strong>: {} → {}</div>",
            ((field, old or "–", new or "–") for field, (old, new) in obj.changes.items()),
        )


@admin.register(HistoryEntry)
class HistoryEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "summary", "offer", "visit", "by"]
    list_filter = ["at"]
    list_select_related = ["offer__organisation", "visit__host", "by"]
    search_fields = ["summary", "offer__organisation__short_name", "visit__host__short_name"]
    readonly_fields = ["offer", "visit", "at", "by", "summary", "changes"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def history_changes(form, old) -> dict:
    """(old, new) for each model field the admin form changed."""
    changes = {}
    for name in form.changed_data:
        if name not in form.instance.__class__._meta._forward_fields_map:
            continue
        field = form.instance._meta.get_field(name)
        if field.many_to_many:
            continue
        label = str(field.verbose_name)
        changes[label] = (
            getattr(old, name) if old is not None else None,
            getattr(form.instance, name),
        )
    return changes
