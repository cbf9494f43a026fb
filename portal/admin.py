from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin_utils import side_by_side
from portal.models import HomePage


@admin.register(HomePage)
class HomePageAdmin(admin.ModelAdmin):
    """One row: staff change the home page's texts; they cannot add a second or delete it."""

    autocomplete_fields = ["lead_image", "featured_stories"]
    readonly_fields = ["updated_at"]
    fieldsets = [
        (_("Top of the page (Swedish | English)"), {"fields": side_by_side("heading", "lead")}),
        (_("Image"), {"fields": ["lead_image"]}),
        (_("Stories"), {"fields": ["featured_stories"]}),
        (_("History"), {"fields": ["updated_at"]}),
    ]

    def has_add_permission(self, request):
        return not HomePage.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False
