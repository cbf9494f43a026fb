"""Programmes, their intakes (with the offers that fit them) and phases."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.admin_utils import PreviewLinksMixin, side_by_side, translated_search_fields
from programmes import selectors
from programmes.models import Intake, Phase, Programme, ScheduledVisit
from programmes.templatetags.programmes_tags import date_span


def _application_status_label(intake: Intake) -> str:
    return str(Intake.ApplicationStatus(intake.application_status()).label)


class IntakeInline(admin.StackedInline):
    """Stacked, in rows of a few fields: seven columns do not fit a laptop's screen."""

    model = Intake
    extra = 0
    fields = [
        ("name_sv", "name_en"),
        ("starts_on", "ends_on", "participants"),
        ("application_opens_on", "application_closes_on"),
    ]
    show_change_link = True


@admin.register(Programme)
class ProgrammeAdmin(PreviewLinksMixin, admin.ModelAdmin):
    list_display = [
        "title_sv",
        "title_en",
        "format",
        "duration_months",
        "application_status",
        "is_published",
        "ordering",
    ]
    list_filter = ["is_published", "format", "working_language", "themes"]
    list_editable = ["ordering"]
    search_fields = ["slug", *translated_search_fields("title", "summary")]
    prepopulated_fields = {"slug": ["title_en"]}
    filter_horizontal = ["eligible_countries", "themes"]
    autocomplete_fields = ["lead_image"]
    inlines = [IntakeInline]
    readonly_fields = ["published_at", "public_link"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    *side_by_side("title", "summary"),
                    "slug",
                    ("is_published", "published_at"),
                    "publish_at",
                    "public_link",
                    "ordering",
                ]
            },
        ),
        (
            _("About the programme"),
            {
                "fields": [
                    *side_by_side("aim", "target_group", "format_description"),
                    "format",
                    "duration_months",
                    "working_language",
                    *side_by_side("partners", "cost"),
                ]
            },
        ),
        (_("Image"), {"fields": ["lead_image"]}),
        (_("Who can apply"), {"fields": ["eligible_countries", "themes"]}),
        (
            _("Applying and contact"),
            {
                "description": _(
                    "Shown in the programme's application box, in the page's language, with "
                    "the other language where one is empty."
                ),
                "fields": [
                    *side_by_side("application_period", "who_may_apply", "how_to_apply"),
                    *side_by_side("application_url"),
                    "contact_name",
                    "contact_email",
                ],
            },
        ),
        (_("Advanced"), {"classes": ["collapse"], "fields": [*side_by_side("meta_description")]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("intakes")

    @admin.display(description=_("applications"))
    def application_status(self, obj: Programme) -> str:
        intake = obj.current_intake()
        return _application_status_label(intake) if intake else "–"


class PhaseInline(admin.StackedInline):
    """Stacked, in rows of a few fields: seven columns do not fit a laptop's screen."""

    model = Phase
    extra = 0
    fields = [("kind", "starts_on", "ends_on"), ("title_sv", "title_en"), ("place_sv", "place_en")]


@admin.register(Intake)
class IntakeAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "starts_on",
        "ends_on",
        "participants",
        "application_opens_on",
        "application_closes_on",
        "status_now",
    ]
    list_filter = ["programme"]
    list_select_related = ["programme"]
    search_fields = [
        "programme__title_sv",
        "programme__title_en",
        *translated_search_fields("name"),
    ]
    autocomplete_fields = ["programme"]
    date_hierarchy = "starts_on"
    inlines = [PhaseInline]
    readonly_fields = ["suggested_offers"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "programme",
                    *side_by_side("name"),
                    ("starts_on", "ends_on"),
                    "participants",
                ]
            },
        ),
        (_("Application period"), {"fields": [("application_opens_on", "application_closes_on")]}),
        (_("Hosts that fit"), {"fields": ["suggested_offers"]}),
    ]

    @admin.display(description=_("applications"))
    def status_now(self, obj: Intake) -> str:
        return _application_status_label(obj)

    @admin.display(description=_("Offers that fit the phase in Sweden"))
    def suggested_offers(self, obj: Intake | None):
        if obj is None or obj.pk is None:
            return gettext("Save the intake and its phases first.")
        suggestions = selectors.offers_suggested_for_intake(obj)
        if not suggestions:
            return gettext(
                "No offer fits yet: none has a period during the phase in Sweden, "
                "a matching theme and enough capacity."
            )
        add_url = reverse("admin:programmes_scheduledvisit_add")
        rows = []
        for item in suggestions:
            query = urlencode(
                {
                    "intake": obj.pk,
                    "host": item.offer.organisation_id,
                    "offer": item.offer.pk,
                    "kind": item.kind,
                    "starts_on": item.window_start.isoformat(),
                    "ends_on": (
                        item.window_start
                        if item.kind == "group_visit"
                        else min(item.window_end, item.window_start + timedelta(days=1))
                    ).isoformat(),
                    "participants": obj.participants if item.kind == "group_visit" else 3,
                    "contact_name": item.offer.contact_name,
                    "contact_email": item.offer.email,
                    "contact_language": item.offer.language,
                    **({"host_may_be_listed": "on"} if item.offer.may_be_listed else {}),
                }
            )
            rows.append(
                (
                    reverse("admin:programmes_hostingoffer_change", args=[item.offer.pk]),
                    item.offer.organisation.name,
                    dict(ScheduledVisit._meta.get_field("kind").choices)[item.kind],
                    date_span(item.window_start, item.window_end),
                    item.offer.capacity,
                    gettext("already booked in this window") if item.booked else "",
                    f"{add_url}?{query}",
                    gettext("Schedule a visit"),
                )
            )
        body = format_html_join(
            "",
            '<tr><td><a href="{}">{}</a></td><td>{}</td><td>{}</td><td>{}</td>'
            '<td>{}</td><td><a href="{}">{}</a></td></tr>',
            rows,
        )
        return format_html(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th></th>"
            "</tr></thead><tbody>{}</tbody></table>",
            gettext("Host"),
            gettext("Kind of hosting"),
            gettext("Available"),
            gettext("Visitors at one time"),
            gettext("Note"),
            body,
        )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("programme")

    def get_urls(self):
        return [
            path(
                "<path:object_id>/sweden-phase/",
                self.admin_site.admin_view(self.sweden_phase_view),
                name="programmes_intake_sweden_phase",
            ),
            *super().get_urls(),
        ]

    def sweden_phase_view(self, request, object_id):
        """The intake's phase in Sweden, day by day, with the visits booked (a timeline too)."""
        intake = self.get_object(request, unquote(object_id))
        if intake is None:
            raise Http404
        if not self.has_view_permission(request, intake):
            raise PermissionDenied
        calendar = selectors.intake_sweden_phase_calendar(intake)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": intake,
            "intake": intake,
            "calendar": calendar,
            "title": gettext("Visits during the phase in Sweden: %(intake)s") % {"intake": intake},
            "add_visit_url": reverse("admin:programmes_scheduledvisit_add")
            + "?"
            + urlencode({"intake": intake.pk}),
        }
        return TemplateResponse(request, "admin/programmes/intake/sweden_phase.html", context)


@admin.register(Phase)
class PhaseAdmin(admin.ModelAdmin):
    list_display = ["__str__", "intake", "kind", "starts_on", "ends_on"]
    list_filter = ["kind", "intake__programme"]
    list_select_related = ["intake__programme"]
    search_fields = [*translated_search_fields("title", "place"), "intake__programme__title_sv"]
    autocomplete_fields = ["intake"]
    fields = [
        "intake",
        "kind",
        ("starts_on", "ends_on"),
        *side_by_side("title", "place", "description"),
    ]
