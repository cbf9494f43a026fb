from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.db.models import Count, Q
from django.urls import NoReverseMatch
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from staff.models import RecoveryCode, RecoveryCodeDevice


@admin.register(LogEntry)
class LogEntryAdmin(admin.ModelAdmin):
    """Every change made in admin: who, when, what (the changed fields). Read-only.

    Shown to people with the "view log entry" permission: the Administrators group.
    """

    date_hierarchy = "action_time"
    list_display = ["action_time", "user", "action", "object_link", "changes"]
    list_filter = [
        "action_flag",
        "action_time",
        ("content_type", admin.RelatedOnlyFieldListFilter),
        ("user", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["user", "content_type"]
    search_fields = ["object_repr", "change_message", "user__username", "user__email"]
    search_help_text = _("Search the object's name, the change, or the person's username.")
    fields = [
        "action_time",
        "user",
        "content_type",
        "object_id",
        "object_repr",
        "action_flag",
        "changes",
    ]
    readonly_fields = fields
    list_per_page = 50

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user", "content_type")

    @admin.display(description=_("action"), ordering="action_flag")
    def action(self, entry):
        return entry.get_action_flag_display()

    @admin.display(description=_("object"), ordering="object_repr")
    def object_link(self, entry):
        kind = capfirst(entry.content_type.name) if entry.content_type else ""
        url = None
        if not entry.is_deletion():
            try:
                url = entry.get_admin_url()
            except NoReverseMatch:
                url = None
        if url:
            return format_html(
                '<a href="{}">{}</a><br><span class="mini quiet">{}</span>',
                url,
                entry.object_repr,
                kind,
            )
        return format_html('{}<br><span class="mini quiet">{}</span>', entry.object_repr, kind)

    @admin.display(description=_("what changed"))
    def changes(self, entry):
        return entry.get_change_message()

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RecoveryCodeInline(admin.TabularInline):
    model = RecoveryCode
    fields = ["used_at"]
    readonly_fields = ["used_at"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(RecoveryCodeDevice)
class RecoveryCodeDeviceAdmin(admin.ModelAdmin):
    """Recovery codes are only ever shown to their owner; here they can only be revoked."""

    list_display = ["user", "name", "remaining_codes", "created_at", "last_used_at"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__email"]
    fields = ["user", "name", "created_at", "last_used_at", "throttling_failure_count"]
    readonly_fields = fields
    inlines = [RecoveryCodeInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(unused=Count("codes", filter=Q(codes__used_at__isnull=True)))
        )

    @admin.display(description=_("unused codes"), ordering="unused")
    def remaining_codes(self, device):
        return device.unused

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
