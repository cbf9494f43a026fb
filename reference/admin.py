from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin_utils import side_by_side, translated_search_fields
from reference.models import Country, County, Organisation, Theme


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name_sv", "name_en", "code", "continent", "cluster", "is_current_partner"]
    list_filter = ["is_current_partner", "continent", "cluster"]
    search_fields = ["code", *translated_search_fields("name")]
    fields = ["code", "slug", *side_by_side("name"), "continent", "cluster", "is_current_partner"]

    def view_on_site(self, obj):
        return None if obj.code == Country.SWEDEN else obj.get_absolute_url()


@admin.register(County)
class CountyAdmin(admin.ModelAdmin):
    list_display = ["name_sv", "name_en", "code"]
    search_fields = ["code", *translated_search_fields("name")]
    fields = ["code", *side_by_side("name")]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["short_name", "name_sv", "kind", "country", "county", "code"]
    list_filter = ["kind", "country", "county"]
    search_fields = ["short_name", "code", *translated_search_fields("name")]
    list_select_related = ["country", "county"]
    prepopulated_fields = {"slug": ["short_name"]}
    autocomplete_fields = ["country", "county"]
    fieldsets = [
        (None, {"fields": ["kind", "short_name", *side_by_side("name"), "slug"]}),
        (_("Where"), {"fields": ["country", "county", "code", "website"]}),
    ]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name_sv", "name_en", "slug", "ordering"]
    list_editable = ["ordering"]
    search_fields = translated_search_fields("name")
    prepopulated_fields = {"slug": ["name_en"]}
    fields = [*side_by_side("name", "description"), "slug", "ordering"]
