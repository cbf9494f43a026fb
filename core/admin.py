from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin_utils import side_by_side, translated_search_fields
from core.models import OutboxMessage, Page


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["title_sv", "title_en", "key", "updated_at"]
    search_fields = translated_search_fields("title", "body")
    readonly_fields = ["updated_at"]
    fieldsets = [
        (None, {"fields": ["key"]}),
        (_("Content (Swedish | English)"), {"fields": side_by_side("title", "lead", "body")}),
        (_("Search engines"), {"fields": side_by_side("meta_description"), "classes": ["collapse"]}),
        (_("History"), {"fields": ["updated_at"]}),
    ]

    def view_on_site(self, obj):
        return obj.get_absolute_url()


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ["subject", "recipients", "language", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "language"]
    search_fields = ["subject", "to"]
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]
    actions = ["retry_now"]

    @admin.display(description=_("recipients"))
    def recipients(self, obj):
        return ", ".join(obj.to)

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Send again at the next worker run"))
    def retry_now(self, request, queryset):
        from django.utils import timezone

        updated = queryset.exclude(status=OutboxMessage.Status.SENT).update(
            status=OutboxMessage.Status.PENDING, next_attempt_at=timezone.now()
        )
        self.message_user(request, _("%(count)d messages will be retried.") % {"count": updated})
