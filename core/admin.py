from datetime import timedelta

from django.contrib import admin
from django.db.models import Subquery
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core import admin_images, services  # noqa: F401 (the image library registers itself)
from core.admin_utils import preview_links, side_by_side, translated_search_fields
from core.models import (
    AccessibilityReport,
    AccessibilityStatement,
    OutboxMessage,
    Page,
    add_working_days,
)

# The answer time promised when no statement says otherwise (AccessibilityStatement's default).
DEFAULT_RESPONSE_DAYS = 5


def _response_days() -> int:
    statement = AccessibilityStatement.objects.only("response_days").first()
    return statement.response_days if statement else DEFAULT_RESPONSE_DAYS


class OverdueFilter(admin.SimpleListFilter):
    title = _("answer")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("Overdue"))]

    def queryset(self, request, queryset):
        if self.value() != "yes":
            return queryset
        # The last day of arrival whose answer was due before today.
        days, today = _response_days(), timezone.localdate()
        last = today - timedelta(days=1)
        while add_working_days(last, days) >= today:
            last -= timedelta(days=1)
        return queryset.filter(
            status__in=AccessibilityReport.OPEN_STATUSES, created_at__date__lte=last
        )


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["title_sv", "title_en", "parent", "position", "is_published", "updated_at"]
    list_editable = ["position"]
    list_filter = ["is_published", ("parent", admin.RelatedOnlyFieldListFilter)]
    search_fields = translated_search_fields("title", "body")
    readonly_fields = ["updated_at", "public_link"]
    autocomplete_fields = ["lead_image", "parent"]
    prepopulated_fields = {"slug": ["title_sv"]}
    fieldsets = [
        (
            _("Place on the site"),
            {
                "fields": [
                    "parent",
                    "position",
                    "slug",
                    "is_published",
                    "publish_at",
                    "public_link",
                    "key",
                ]
            },
        ),
        (_("Content (Swedish | English)"), {"fields": side_by_side("title", "lead", "body")}),
        (_("Image"), {"fields": ["lead_image"]}),
        (
            _("Search engines"),
            {"fields": side_by_side("meta_description"), "classes": ["collapse"]},
        ),
        (_("History"), {"fields": ["updated_at"]}),
    ]

    def view_on_site(self, obj):
        return obj.get_absolute_url()

    @admin.display(description=_("public page"))
    def public_link(self, obj):
        return preview_links(obj)


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = [
        "subject",
        "recipients",
        "language",
        "status",
        "attempts",
        "created_at",
        "sent_at",
    ]
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


@admin.register(AccessibilityStatement)
class AccessibilityStatementAdmin(admin.ModelAdmin):
    list_display = ["__str__", "conformance", "last_reviewed", "statement_updated"]
    fieldsets = [
        (_("Status"), {"fields": ["conformance", "last_reviewed", "statement_updated"]}),
        (
            _("Texts (Swedish | English)"),
            {
                "fields": side_by_side(
                    "introduction",
                    "known_shortcomings",
                    "disproportionate_burden",
                    "outside_scope",
                    "how_we_tested",
                )
            },
        ),
        (
            _("Contact and supervision"),
            {"fields": ["contact_email", "response_days", "supervisory_authority_url"]},
        ),
    ]

    def has_add_permission(self, request):
        # There is one statement; staff update it.
        return not AccessibilityStatement.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AccessibilityReport)
class AccessibilityReportAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "kind",
        "page_url",
        "team",
        "email",
        "language",
        "status",
        "answer_by",
        "replied_at",
    ]
    list_filter = ["status", OverdueFilter, "kind", "team", "language"]
    search_fields = ["description", "page_url", "email", "name"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "kind",
        "page_url",
        "team",
        "description",
        "name",
        "email",
        "language",
        "created_at",
        "emails_queued_at",
        "updated_at",
        "replied_at",
        "answer_by",
    ]
    fieldsets = [
        (
            _("Report"),
            {
                "fields": [
                    "kind",
                    "page_url",
                    "team",
                    "description",
                    "name",
                    "email",
                    "language",
                    "created_at",
                    "emails_queued_at",
                ]
            },
        ),
        (
            _("Handling"),
            {
                "fields": [
                    "status",
                    "answer_by",
                    "internal_note",
                    "reply",
                    "replied_at",
                    "updated_at",
                ]
            },
        ),
    ]

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        # The promised answer time read with the rows, not once per row.
        days = AccessibilityStatement.objects.values("response_days")[:1]
        return super().get_queryset(request).annotate(response_days=Subquery(days))

    @admin.display(description=_("answer by"), ordering="created_at")
    def answer_by(self, obj):
        days = getattr(obj, "response_days", None) or DEFAULT_RESPONSE_DAYS
        due = obj.answer_by(days)
        shown = date_format(due, "DATE_FORMAT")
        if obj.status in AccessibilityReport.OPEN_STATUSES and due < timezone.localdate():
            return format_html("<strong>{}</strong> ({})", shown, _("overdue"))
        return shown

    def save_model(self, request, obj, form, change):
        new_reply = "reply" in form.changed_data and obj.reply.strip()
        super().save_model(request, obj, form, change)
        if new_reply:
            services.accessibility_report_reply(report=obj, reply=obj.reply.strip())
            self.message_user(
                request,
                _("Your reply has been queued for sending to %(email)s.") % {"email": obj.email},
            )
