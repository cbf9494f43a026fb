"""Admin for partner seekers: staff record them, with their consents and the interest
registrations that fit them best."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.admin_utils import side_by_side, translated_search_fields
from partnerships import selectors, services
from partnerships.models import PartnerSeeker
from reference.models import Organisation


class PartnerSeekerAdminForm(forms.ModelForm):
    class Meta:
        model = PartnerSeeker
        fields = [
            "organisation",
            "country",
            "themes",
            "seeking_since",
            "status",
            "description_sv",
            "description_en",
            "consent_listing",
            "consent_show_name",
            "consent_contact",
            "contact_name",
            "contact_email",
            "internal_notes",
            "slug",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "organisation" in self.fields:
            self.fields["organisation"].queryset = Organisation.objects.foreign()
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _(
                "The seeker's address on the website. Leave it empty to have one made. A seeker "
                "that has not agreed to show its name always gets a random one, so that no "
                "address names it."
            )

    def clean(self):
        cleaned = super().clean()
        organisation, country = cleaned.get("organisation"), cleaned.get("country")
        if organisation and country and organisation.country_id != country.pk:
            self.add_error(
                "country",
                _("The organisation is in %(country)s.") % {"country": organisation.country},
            )
        if organisation and "slug" in self.fields:
            # The slug the consent allows, before the database's rule checks it.
            cleaned["slug"] = services.seeker_slug(
                PartnerSeeker(
                    pk=self.instance.pk,
                    organisation=organisation,
                    slug=cleaned.get("slug") or "",
                    consent_show_name=cleaned.get("consent_show_name", False),
                )
            )
        return cleaned


@admin.register(PartnerSeeker)
class PartnerSeekerAdmin(admin.ModelAdmin):
    form = PartnerSeekerAdminForm
    list_display = [
        "organisation",
        "country",
        "status",
        "seeking_since",
        "consent_listing",
        "consent_contact",
    ]
    list_filter = ["status", "consent_listing", "consent_contact", "country", "themes"]
    search_fields = [
        "slug",
        "organisation__short_name",
        *translated_search_fields("description"),
        "contact_name",
        "contact_email",
    ]
    list_select_related = ["organisation", "country"]
    autocomplete_fields = ["organisation"]
    filter_horizontal = ["themes"]
    readonly_fields = ["fitting_registrations", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["organisation", "country", "themes", "seeking_since", "status"]}),
        (
            _("What they want to work on (Swedish | English)"),
            {"fields": side_by_side("description")},
        ),
        (_("Consent"), {"fields": ["consent_listing", "consent_show_name", "consent_contact"]}),
        (
            _("Contact (never shown publicly)"),
            {"fields": ["contact_name", "contact_email", "internal_notes"]},
        ),
        (_("Fitting interest registrations"), {"fields": ["fitting_registrations"]}),
        (_("Advanced"), {"fields": ["slug", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def save_model(self, request, obj, form, change):
        services.seeker_save(seeker=obj)

    @admin.display(description=_("best fit first"))
    def fitting_registrations(self, obj: PartnerSeeker | None):
        if obj is None or not obj.pk:
            return "–"
        registrations = list(selectors.registrations_fitting_seeker(obj)[:20])
        if not registrations:
            return gettext("No open registration shares this seeker's country or themes.")
        rows = format_html_join(
            "",
            '<tr><td><a href="{}">{}</a></td><td>{}</td><td>{}</td><td>{}</td></tr>',
            (
                (
                    reverse("admin:partnerships_interestregistration_change", args=[r.pk]),
                    r.organisation,
                    r.get_status_display(),
                    r.fit,
                    r.created_at.date(),
                )
                for r in registrations
            ),
        )
        return format_html(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>"
            "<tbody>{}</tbody></table>",
            gettext("Organisation"),
            gettext("Status"),
            gettext("Fit"),
            gettext("Received"),
            rows,
        )
