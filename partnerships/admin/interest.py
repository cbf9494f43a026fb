"""Admin for application rounds, interest registrations, their history and matches.

Registrations arrive from the public form and keep what was submitted; staff follow them up
(status, assignee, notes, matches), and every change is written to the registration's history
with the old and new value.
"""

from __future__ import annotations

import csv
import io
import json

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.admin_utils import (
    ChangeHistoryInline,
    ChangeRecordAdmin,
    side_by_side,
    translated_search_fields,
)
from core.personal_data import erase_for_email, export_for_email, held_about
from core.spreadsheets import spreadsheet_cell
from partnerships import selectors, services
from partnerships.models import (
    ApplicationRound,
    InterestRegistration,
    Match,
    PartnerSeeker,
    RegistrationEvent,
)
from partnerships.services.interest import TRACKED_FIELDS
from staff.selectors import may_handle_personal_data


@admin.register(ApplicationRound)
class ApplicationRoundAdmin(admin.ModelAdmin):
    list_display = ["name_sv", "name_en", "opens_on", "closes_on", "state_now", "registrations"]
    search_fields = translated_search_fields("name")
    date_hierarchy = "opens_on"
    fields = [*side_by_side("name", "guidance"), ("opens_on", "closes_on")]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(registration_count=Count("interest_registrations"))
        )

    @admin.display(description=_("now"))
    def state_now(self, obj: ApplicationRound) -> str:
        return ApplicationRound.State(obj.state_on()).label

    @admin.display(description=_("interest registrations"), ordering="registration_count")
    def registrations(self, obj: ApplicationRound):
        url = reverse("admin:partnerships_interestregistration_changelist")
        return format_html(
            '<a href="{}?application_round__id__exact={}">{}</a>',
            url,
            obj.pk,
            obj.registration_count,
        )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Registrations that arrived before any round covered their day now get this one.
        services.registrations_assign_rounds()


class RegistrationAdminForm(forms.ModelForm):
    record_match = forms.ModelChoiceField(
        PartnerSeeker.objects.none(),
        required=False,
        label=_("Record a match with"),
        help_text=_(
            "The seeker the applicant chose first, then the best fit, with the reasons. Saving "
            "links the registration and the seeker and marks both as matched."
        ),
    )

    class Meta:
        model = InterestRegistration
        fields = ["status", "assignee", "application_round", "internal_notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            suggestions = selectors.seeker_suggestions(self.instance, limit=None)
            suggested = {suggestion.seeker.pk for suggestion in suggestions}
            others = (
                PartnerSeeker.objects.open()
                .exclude(pk__in=suggested)
                .select_related("organisation", "country")
            )
            self.fields["record_match"].queryset = PartnerSeeker.objects.filter(
                Q(status=PartnerSeeker.Status.OPEN) | Q(pk=self.instance.seeker_id)
            )
            self.fields["record_match"].choices = (
                [("", "---------")]
                + [
                    (
                        suggestion.seeker.pk,
                        f"{suggestion.seeker} – "
                        + "; ".join(reason.text for reason in suggestion.reasons[:3]),
                    )
                    for suggestion in suggestions
                ]
                + [(seeker.pk, str(seeker)) for seeker in others]
            )


class RegistrationEventInline(ChangeHistoryInline):
    model = RegistrationEvent


@admin.register(InterestRegistration)
class InterestRegistrationAdmin(admin.ModelAdmin):
    form = RegistrationAdminForm
    inlines = [RegistrationEventInline]
    list_display = [
        "created_at",
        "organisation",
        "contact_name",
        "status",
        "assignee",
        "application_round",
        "country_list",
        "theme_list",
    ]
    list_filter = [
        "status",
        "application_round",
        ("assignee", admin.RelatedOnlyFieldListFilter),
        "countries",
        "themes",
        "language",
        "created_at",
    ]
    search_fields = ["contact_name", "email", "organisation__short_name", "message", "role"]
    list_select_related = ["organisation", "assignee", "application_round"]
    date_hierarchy = "created_at"
    actions = ["export_csv", "export_personal_data", "erase_personal_data"]
    readonly_fields = [
        "organisation",
        "contact_name",
        "role",
        "email",
        "phone",
        "country_list",
        "theme_list",
        "message",
        "language",
        "seeker",
        "consented_at",
        "created_at",
        "suggested_seekers",
        "match_list",
        "closed_at",
        "anonymised_at",
    ]
    fieldsets = [
        (
            _("Follow-up"),
            {
                "fields": [
                    "status",
                    "assignee",
                    "application_round",
                    "internal_notes",
                    "record_match",
                ]
            },
        ),
        (
            _("Partner seekers that fit, best first"),
            {"fields": ["suggested_seekers", "match_list"]},
        ),
        (
            _("Registration as submitted"),
            {
                "fields": [
                    "organisation",
                    ("contact_name", "role"),
                    ("email", "phone"),
                    "country_list",
                    "theme_list",
                    "message",
                    "language",
                    "seeker",
                    "consented_at",
                    "created_at",
                ]
            },
        ),
        (_("Privacy"), {"fields": ["closed_at", "anonymised_at"], "classes": ["collapse"]}),
    ]

    def has_add_permission(self, request):
        return False  # registrations come from the public form

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("countries", "themes")

    def get_urls(self):
        return [
            path(
                "export.csv",
                self.admin_site.admin_view(self.export_view),
                name="partnerships_interestregistration_export",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("countries"))
    def country_list(self, obj):
        return ", ".join(str(country) for country in obj.countries.all()) or "–"

    @admin.display(description=_("themes"))
    def theme_list(self, obj):
        return ", ".join(str(theme) for theme in obj.themes.all()) or "–"

    @admin.display(description=_("best fit first, with the reasons"))
    def suggested_seekers(self, obj):
        if obj is None or not obj.pk:
            return "–"
        suggestions = selectors.seeker_suggestions(obj)
        if not suggestions:
            return gettext(
                "No open partner seeker shares a country, a region or a theme with this "
                "registration."
            )
        rows = format_html_join(
            "",
            '<tr><td><a href="{}">{}</a>{}</td><td>{}</td><td><ul class="match-reasons">{}</ul>'
            "</td><td>{}</td></tr>",
            (
                (
                    reverse("admin:partnerships_partnerseeker_change", args=[s.seeker.pk]),
                    s.seeker.organisation,
                    format_html(" ({})", s.seeker.get_status_display())
                    if s.seeker.status != PartnerSeeker.Status.OPEN
                    else "",
                    s.seeker.country,
                    format_html_join("", "<li>{}</li>", ((r.text,) for r in s.reasons)),
                    s.seeker.seeking_since,
                )
                for s in suggestions
            ),
        )
        return format_html(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>"
            "<tbody>{}</tbody></table>",
            gettext("Partner seeker"),
            gettext("Country"),
            gettext("Why it fits"),
            gettext("Looking since"),
            rows,
        )

    @admin.display(description=_("matches"))
    def match_list(self, obj):
        matches = (
            obj.matches.select_related("seeker__organisation", "seeker__country", "created_by")
            if obj and obj.pk
            else []
        )
        if not matches:
            return "–"
        return format_html_join(
            mark_safe("<br>"),
            '<a href="{}">{}</a> ({}, {})',
            (
                (
                    reverse("admin:partnerships_partnerseeker_change", args=[m.seeker_id]),
                    m.seeker,
                    m.created_by or "–",
                    timezone.localtime(m.created_at).strftime("%Y-%m-%d %H:%M"),
                )
                for m in matches
            ),
        )

    def save_model(self, request, obj, form, change):
        # Follow-up fields go through the service, which writes the history.
        values = {name: getattr(obj, name) for name in TRACKED_FIELDS}
        registration = services.registration_update(registration=obj, user=request.user, **values)
        seeker = form.cleaned_data.get("record_match")
        if seeker is not None:
            services.match_record(registration=registration, seeker=seeker, user=request.user)
            self.message_user(
                request,
                gettext("Match recorded with %(seeker)s.") % {"seeker": seeker},
                messages.SUCCESS,
            )
        obj.refresh_from_db()

    def save_related(self, request, form, formsets, change):
        # Countries and themes stay as submitted; the history inline is read-only, so saving
        # it writes nothing (it only tells admin's change message what changed: nothing).
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    # --- CSV export ------------------------------------------------------------------------

    def _csv_response(self, queryset) -> HttpResponse:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(
            [
                "id",
                "received",
                "application_round",
                "organisation",
                "county",
                "contact_name",
                "role",
                "email",
                "phone",
                "countries",
                "themes",
                "partner_seeker",
                "language",
                "status",
                "assignee",
                "message",
                "internal_notes",
            ]
        )
        for r in queryset.select_related(
            "organisation__county", "assignee", "seeker", "application_round"
        ).prefetch_related("countries", "themes"):
            writer.writerow(
                [
                    spreadsheet_cell(value)
                    for value in (
                        r.pk,
                        timezone.localtime(r.created_at).strftime("%Y-%m-%d %H:%M"),
                        r.application_round.name_sv if r.application_round else "",
                        r.organisation.name_sv,
                        r.organisation.county.name_sv if r.organisation.county else "",
                        r.contact_name,
                        r.role,
                        r.email,
                        r.phone,
                        [c.code for c in r.countries.all()],  # ";" as in every export
                        [t.slug for t in r.themes.all()],
                        r.seeker.slug if r.seeker else "",
                        r.language,
                        r.status,
                        r.assignee.get_username() if r.assignee else "",
                        r.message,
                        r.internal_notes,
                    )
                ]
            )
        response = HttpResponse(
            "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = (
            f'attachment; filename="interest-registrations-{stamp}.csv"'
        )
        return response

    def export_view(self, request):
        """The changelist's rows, with the filters and search in the query string."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        changelist = self.get_changelist_instance(request)
        return self._csv_response(changelist.get_queryset(request))

    @admin.action(description=_("Export the selected registrations (CSV)"))
    def export_csv(self, request, queryset):
        return self._csv_response(queryset)

    # --- Privacy ---------------------------------------------------------------------------

    @staticmethod
    def _emails(queryset) -> list[str]:
        return sorted(
            {email.lower() for email in queryset.values_list("email", flat=True) if email}
        )

    def _emails_or_warn(self, request, queryset) -> list[str]:
        emails = self._emails(queryset)
        if not emails:
            self.message_user(
                request,
                gettext("The selected registrations hold no email address."),
                messages.WARNING,
            )
        return emails

    # Export and erase cover every app and the outbox (core.personal_data), so only someone
    # who may handle every kind of personal data (an administrator) is offered them.
    def has_personal_data_permission(self, request) -> bool:
        return may_handle_personal_data(request.user)

    @admin.action(
        description=_("Export everything held about the selected email address (JSON)"),
        permissions=["personal_data"],
    )
    def export_personal_data(self, request, queryset):
        emails = self._emails_or_warn(request, queryset)
        if not emails:
            return None
        data = {
            "exported": timezone.now().isoformat(),
            "people": [export_for_email(email) for email in emails],
        }
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
        return response

    @admin.action(
        description=_("Erase everything held about the selected email address"),
        permissions=["personal_data"],
    )
    def erase_personal_data(self, request, queryset):
        emails = self._emails_or_warn(request, queryset)
        if not emails:
            return None
        if request.POST.get("confirm") == "yes":
            total = sum(sum(erase_for_email(email).values()) for email in emails)
            self.message_user(
                request,
                ngettext(
                    "Erased %(count)d record held about the selected addresses, in every part "
                    "of the portal.",
                    "Erased %(count)d records held about the selected addresses, in every part "
                    "of the portal.",
                    total,
                )
                % {"count": total},
                messages.SUCCESS,
            )
            return None
        found: dict[str, int] = {}
        for email in emails:
            for kind, count in held_about(email):
                found[kind] = found.get(kind, 0) + count
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Erase personal data"),
            "opts": self.model._meta,
            "emails": emails,
            "found": sorted(found.items()),
            "selected": request.POST.getlist(ACTION_CHECKBOX_NAME),
            "action": "erase_personal_data",
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(
            request, "admin/partnerships/interestregistration/erase_confirmation.html", context
        )


@admin.register(Match)
class MatchAdmin(admin.ModelAdmin):
    list_display = ["registration", "seeker", "created_by", "created_at"]
    list_select_related = [
        "registration__organisation",
        "seeker__organisation",
        "seeker__country",
        "created_by",
    ]
    list_filter = ["seeker__country"]
    search_fields = ["registration__organisation__short_name", "seeker__organisation__short_name"]
    readonly_fields = ["registration", "seeker", "created_by", "created_at"]

    def has_add_permission(self, request):
        return False  # recorded from a registration


@admin.register(RegistrationEvent)
class RegistrationEventAdmin(ChangeRecordAdmin):
    list_display = ["at", "registration", "by", "event"]
    list_select_related = ["registration__organisation", "by"]
    search_fields = ["registration__organisation__short_name"]
    fields = ["registration", "by", "at", "event", "changes_display"]
    readonly_fields = fields
