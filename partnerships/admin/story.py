"""Staff write, publish and preview stories here."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin_utils import side_by_side, translated_search_fields
from partnerships import services
from partnerships.admin.publishing import PublishActionsMixin
from partnerships.models import Story


@admin.register(Story)
class StoryAdmin(PublishActionsMixin, admin.ModelAdmin):
    list_display = ["title_sv", "title_en", "date", "is_published"]
    list_filter = ["is_published", "partnerships__country"]
    search_fields = ["slug", *translated_search_fields("title", "lead")]
    date_hierarchy = "date"
    autocomplete_fields = ["partnerships", "lead_image"]
    prepopulated_fields = {"slug": ["title_sv"]}
    readonly_fields = ["public_link", "published_at", "created_at", "updated_at"]
    actions = ["publish", "unpublish"]
    publish_service = staticmethod(lambda obj: services.story_publish(story=obj))
    unpublish_service = staticmethod(lambda obj: services.story_unpublish(story=obj))
    fieldsets = [
        (_("Content (Swedish | English)"), {"fields": side_by_side("title", "lead", "body")}),
        (_("Image"), {"fields": ["lead_image"]}),
        (None, {"fields": ["date", "partnerships"]}),
        (
            _("Publication"),
            {"fields": ["is_published", "publish_at", "public_link", "published_at"]},
        ),
        (_("Advanced"), {"fields": ["slug", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]
