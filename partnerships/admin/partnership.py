"""Staff manage partnerships and ICLD networks here (organisations and themes live in
reference's admin). Publishing goes through the services; drafts can be previewed."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.admin_utils import side_by_side, translated_search_fields
from core.i18n import translated_names
from partnerships import services
from partnerships.admin.publishing import PublishActionsMixin
from partnerships.models import Network, Partnership, PartnershipImage
from reference.models import Country


class PartnershipAdminForm(forms.ModelForm):
    class Meta:
        model = Partnership
        fields = [
            *translated_names("title"),
            *translated_names("summary"),
            *translated_names("goals"),
            *translated_names("results"),
            "country",
            "swedish_organisations",
            "partner_organisations",
            "themes",
            "phase",
            "status",
            "start_year",
            "end_year",
            "network",
            "reference_number",
            "is_published",
            "slug",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "country" in self.fields:
            self.fields["country"].queryset = Country.objects.partners()

    def clean(self):
        cleaned = super().clean()
        country = cleaned.get("country")
        if country is not None:
            try:
                services.partnership_validate_parties(
                    country=country,
                    swedish_organisations=cleaned.get("swedish_organisations") or [],
                    partner_organisations=cleaned.get("partner_organisations") or [],
                )
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    self.add_error(field if field in self.fields else None, errors)
        return cleaned


class PartnershipImageInline(admin.TabularInline):
    model = PartnershipImage
    extra = 0
    fields = ["image", "position"]
    autocomplete_fields = ["image"]


@admin.register(Partnership)
class PartnershipAdmin(PublishActionsMixin, admin.ModelAdmin):
    form = PartnershipAdminForm
    list_display = [
        "title_sv",
        "title_en",
        "country",
        "phase",
        "status",
        "years",
        "is_published",
    ]
    list_filter = ["is_published", "status", "phase", "country", "themes", "network"]
    search_fields = [
        "slug",
        "reference_number",
        *translated_search_fields("title", "summary"),
        "swedish_organisations__short_name",
        "partner_organisations__short_name",
    ]
    list_select_related = ["country"]
    autocomplete_fields = [
        "swedish_organisations",
        "partner_organisations",
        "country",
        "lead_image",
    ]
    filter_horizontal = ["themes"]
    prepopulated_fields = {"slug": ["title_sv"]}
    readonly_fields = ["public_link", "published_at", "created_at", "updated_at"]
    inlines = [PartnershipImageInline]
    actions = ["publish", "unpublish"]
    publish_service = staticmethod(lambda obj: services.partnership_publish(partnership=obj))
    unpublish_service = staticmethod(lambda obj: services.partnership_unpublish(partnership=obj))
    fieldsets = [
        (
            _("Content (Swedish | English)"),
            {"fields": side_by_side("title", "summary", "goals", "results")},
        ),
        (_("Image"), {"fields": ["lead_image"]}),
        (_("Parties"), {"fields": ["country", "swedish_organisations", "partner_organisations"]}),
        (
            _("About the partnership"),
            {
                "fields": [
                    "themes",
                    ("phase", "status"),
                    ("start_year", "end_year"),
                    "network",
                    "reference_number",
                ]
            },
        ),
        (
            _("Publication"),
            {"fields": ["is_published", "publish_at", "public_link", "published_at"]},
        ),
        (_("Advanced"), {"fields": ["slug", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description=_("years"), ordering="start_year")
    def years(self, obj):
        """Start and end in one column, so the list fits a laptop's screen."""
        if obj.start_year is None:
            return "–"
        return f"{obj.start_year}–{obj.end_year or ''}"

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        partnership = form.instance
        services.partnership_refresh_search_names(partnership=partnership)


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name_sv", "name_en", "start_year", "end_year", "partnership_count"]
    search_fields = translated_search_fields("name")
    prepopulated_fields = {"slug": ["name_en"]}
    fields = [*side_by_side("name", "description"), ("start_year", "end_year"), "slug"]

    def get_queryset(self, request):
        from django.db.models import Count

        return super().get_queryset(request).annotate(n=Count("partnerships"))

    @admin.display(description=_("partnerships"), ordering="n")
    def partnership_count(self, obj):
        url = reverse("admin:partnerships_partnership_changelist") + f"?network__id__exact={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, obj.n)
