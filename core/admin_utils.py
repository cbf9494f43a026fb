"""Admin helpers: both languages' content fields side by side, and the change history."""

from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from core.history import ChangeRecord
from core.i18n import translated_names


def side_by_side(*fields: str) -> tuple:
    """Fieldset rows with the Swedish and English columns of each field on one line."""
    return tuple(tuple(translated_names(field)) for field in fields)


def translated_search_fields(*fields: str) -> tuple[str, ...]:
    return tuple(name for field in fields for name in translated_names(field))


class ChangesDisplayMixin:
    @admin.display(description=_("changes"))
    def changes_display(self, record: ChangeRecord) -> str:
        """Each change as "field: old → new", worded in the language of whoever reads it."""
        return format_html_join("", "<div><strong>{}</strong>: {} → {}</div>", record.change_rows())


class ChangeHistoryInline(ChangesDisplayMixin, admin.TabularInline):
    """The history of one record, read-only, on that record's admin page."""

    extra = 0
    can_delete = False
    fields = ["at", "by", "event", "changes_display"]
    readonly_fields = fields
    verbose_name_plural = _("history of changes")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("by")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ChangeRecordAdmin(ChangesDisplayMixin, admin.ModelAdmin):
    """Every history record of a model, read-only: the services write them."""

    list_filter = ["event", ("by", admin.RelatedOnlyFieldListFilter), "at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
