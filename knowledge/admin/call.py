"""Research calls and their documents."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin_utils import PreviewLinksMixin, side_by_side, translated_search_fields
from knowledge.models import CallDocument, ResearchCall


class CallDocumentInline(admin.TabularInline):
    model = CallDocument
    extra = 1
    fields = ["title_sv", "title_en", "file", "position"]


@admin.register(ResearchCall)
class ResearchCallAdmin(PreviewLinksMixin, admin.ModelAdmin):
    list_display = ["title_sv", "title_en", "opens_at", "closes_at", "call_status", "is_published"]
    list_filter = ["is_published", "themes"]
    search_fields = translated_search_fields("title", "summary")
    prepopulated_fields = {"slug": ["title_en"]}
    filter_horizontal = ["themes"]
    date_hierarchy = "closes_at"
    inlines = [CallDocumentInline]
    readonly_fields = ["published_at", "public_link"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "slug",
                    "opens_at",
                    "closes_at",
                    "apply_url",
                    "max_amount_sek",
                    ("is_published", "published_at"),
                    "publish_at",
                    "public_link",
                ]
            },
        ),
        (
            _("Content (Swedish | English)"),
            {"fields": side_by_side("title", "summary", "description", "eligibility", "amount")},
        ),
        (_("Themes"), {"fields": ["themes"]}),
        (_("Advanced"), {"fields": ["created_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description=_("status"))
    def call_status(self, obj):
        return obj.status_label

    def view_on_site(self, obj):
        return obj.get_absolute_url()
