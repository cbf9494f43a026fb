"""Staff tools: programmes and intakes, offers to host, and the visit schedule.

Writes that carry rules (scheduling, confirmation emails, status changes) go through
``programmes.services``; the database's exclusion constraint refuses double bookings, and the
visit form reports them as a form error rather than a failed save.
"""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.admin_utils import side_by_side, translated_search_fields
from programmes import exports, selectors, services
from programmes.models import (
    HistoryEntry,
    HostingKind,
    HostingOffer,
    HostingPeriod,
    Intake,
    Phase,
    Programme,
    ScheduledVisit,
    WorkingLanguage,
)
from staff.waiting import register_waiting

# The admin start page shows visits still waiting for the host's confirmation (new offers are
# listed there by the staff app's defaults).
register_waiting(
    key="programmes.visits_to_confirm",
    label=_("Study visits not yet confirmed"),
    model="programmes.ScheduledVisit",
    queryset=lambda: ScheduledVisit.objects.filter(status=ScheduledVisit.Status.PROPOSED),
    filters={"status__exact": ScheduledVisit.Status.PROPOSED},
    order=22,
)


def _application_status_label(intake: Intake) -> str:
    return str(Intake.ApplicationStatus(intake.application_status()).label)


def _date_span(start, end) -> str:
    from programmes.templatetags.programmes_tags import date_span

    return date_span(start, end)


# ---------------------------------------------------------------------------------------------
# Programmes, intakes, phases
# ---------------------------------------------------------------------------------------------


class IntakeInline(admin.TabularInline):
    model = Intake
    extra = 0
    fields = [
        "name_sv",
        "name_en",
        "starts_on",
        "ends_on",
        "participants",
        "application_opens_on",
        "application_closes_on",
    ]
    show_change_link = True


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
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
    inlines = [IntakeInline]
    fieldsets = [
        (None, {"fields": [*side_by_side("title", "summary"), "slug", "is_published", "ordering"]}),
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
        (_("Who can apply"), {"fields": ["eligible_countries", "themes"]}),
        (
            _("Applying and contact"),
            {
                "fields": [
                    *side_by_side("how_to_apply"),
                    "application_url",
                    "contact_name",
                    "contact_email",
                ]
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


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0
    fields = ["kind", "starts_on", "ends_on", "title_sv", "title_en", "place_sv", "place_en"]


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
                    _date_span(item.window_start, item.window_end),
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


# ---------------------------------------------------------------------------------------------
# History
# ---------------------------------------------------------------------------------------------


class HistoryChangesMixin:
    @admin.display(description=_("changes"))
    def changes_display(self, entry: HistoryEntry):
        return format_html_join("", "<div><strong>{}</strong>: {} → {}</div>", entry.change_rows())


class HistoryInline(HistoryChangesMixin, admin.TabularInline):
    model = HistoryEntry
    extra = 0
    can_delete = False
    fields = ["at", "by", "event", "changes_display"]
    readonly_fields = fields
    verbose_name_plural = _("history of changes")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(HistoryEntry)
class HistoryEntryAdmin(HistoryChangesMixin, admin.ModelAdmin):
    list_display = ["at", "event", "offer", "visit", "by"]
    list_filter = ["event", "at"]
    list_select_related = ["offer__organisation", "visit__host", "by"]
    search_fields = ["offer__organisation__short_name", "visit__host__short_name"]
    fields = ["offer", "visit", "at", "by", "event", "changes_display"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def _history_changes(form, old) -> dict:
    """(old, new) for each model field the admin form changed, by field name."""
    changes = {}
    for name in form.changed_data:
        if name not in form.instance.__class__._meta._forward_fields_map:
            continue
        field = form.instance._meta.get_field(name)
        if field.many_to_many:
            continue
        changes[name] = (
            getattr(old, name) if old is not None else None,
            getattr(form.instance, name),
        )
    return changes


# ---------------------------------------------------------------------------------------------
# Offers
# ---------------------------------------------------------------------------------------------


class HostingPeriodInline(admin.TabularInline):
    model = HostingPeriod
    extra = 0


class HostingOfferAdminForm(forms.ModelForm):
    """Checkboxes for the kinds of hosting and the languages (stored as arrays)."""

    hosting_kinds = forms.TypedMultipleChoiceField(
        label=_("kinds of hosting"),
        choices=HostingKind.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.TypedMultipleChoiceField(
        label=_("working languages"),
        choices=WorkingLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = HostingOffer
        fields = [
            "status",
            "internal_notes",
            "organisation",
            "contact_name",
            "contact_role",
            "email",
            "phone",
            "hosting_kinds",
            "capacity",
            "themes",
            "expertise",
            "programmes",
            "languages",
            "accessibility",
            "accessibility_notes",
            "message",
            "may_be_listed",
        ]


@admin.register(HostingOffer)
class HostingOfferAdmin(admin.ModelAdmin):
    form = HostingOfferAdminForm
    list_display = [
        "organisation",
        "contact_name",
        "status",
        "kinds",
        "capacity",
        "periods_list",
        "may_be_listed",
        "created_at",
    ]
    list_filter = [
        "status",
        "may_be_listed",
        "accessibility",
        "language",
        "themes",
        "organisation__county",
    ]
    list_select_related = ["organisation"]
    search_fields = [
        "organisation__short_name",
        "organisation__name_sv",
        "contact_name",
        "email",
        "expertise",
        "message",
    ]
    autocomplete_fields = ["organisation"]
    filter_horizontal = ["themes", "programmes"]
    date_hierarchy = "created_at"
    inlines = [HostingPeriodInline, HistoryInline]
    readonly_fields = ["submission_token", "consent_at", "language", "created_at", "updated_at"]
    actions = ["mark_in_review", "mark_accepted", "mark_declined"]
    fieldsets = [
        (None, {"fields": ["status", "internal_notes"]}),
        (
            _("Host"),
            {
                "fields": [
                    "organisation",
                    "contact_name",
                    "contact_role",
                    "email",
                    "phone",
                    "language",
                ]
            },
        ),
        (
            _("Offer"),
            {
                "fields": [
                    "hosting_kinds",
                    "capacity",
                    "themes",
                    "expertise",
                    "programmes",
                    "languages",
                    "accessibility",
                    "accessibility_notes",
                    "message",
                    "may_be_listed",
                ]
            },
        ),
        (
            _("Advanced"),
            {
                "classes": ["collapse"],
                "fields": ["submission_token", "consent_at", "created_at", "updated_at"],
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("periods")

    @admin.display(description=_("kinds of hosting"))
    def kinds(self, obj: HostingOffer) -> str:
        return ", ".join(str(label) for label in obj.get_hosting_kinds_display())

    @admin.display(description=_("periods"))
    def periods_list(self, obj: HostingOffer) -> str:
        return "; ".join(_date_span(p.starts_on, p.ends_on) for p in obj.periods.all())

    def save_model(self, request, obj, form, change):
        old = HostingOffer.objects.filter(pk=obj.pk).first() if change else None
        super().save_model(request, obj, form, change)
        changes = _history_changes(form, old)
        if changes:
            services.history_record(
                subject=obj,
                by=request.user,
                event=HistoryEntry.Event.CHANGED_IN_ADMIN,
                changes=changes,
            )

    def _set_status(self, request, queryset, status):
        for offer in queryset:
            services.hosting_offer_set_status(offer=offer, status=status, by=request.user)
        self.message_user(
            request,
            gettext("%(count)d offers updated.") % {"count": queryset.count()},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark as being reviewed"))
    def mark_in_review(self, request, queryset):
        self._set_status(request, queryset, HostingOffer.Status.IN_REVIEW)

    @admin.action(description=_("Accept into the pool of hosts"))
    def mark_accepted(self, request, queryset):
        self._set_status(request, queryset, HostingOffer.Status.ACCEPTED)

    @admin.action(description=_("Decline"))
    def mark_declined(self, request, queryset):
        self._set_status(request, queryset, HostingOffer.Status.DECLINED)


@admin.register(HostingPeriod)
class HostingPeriodAdmin(admin.ModelAdmin):
    list_display = ["offer", "starts_on", "ends_on"]
    list_select_related = ["offer__organisation"]
    search_fields = ["offer__organisation__short_name"]
    autocomplete_fields = ["offer"]
    date_hierarchy = "starts_on"


# ---------------------------------------------------------------------------------------------
# Scheduled visits
# ---------------------------------------------------------------------------------------------


class ScheduledVisitForm(forms.ModelForm):
    class Meta:
        model = ScheduledVisit
        fields = [
            "intake",
            "host",
            "offer",
            "kind",
            "starts_on",
            "ends_on",
            "participants",
            "topic_sv",
            "topic_en",
            "status",
            "contact_name",
            "contact_email",
            "contact_language",
            "host_may_be_listed",
            "internal_notes",
        ]

    def clean(self):
        cleaned = super().clean()
        host, start, end = cleaned.get("host"), cleaned.get("starts_on"), cleaned.get("ends_on")
        status = cleaned.get("status")
        if not (host and start and end) or end < start or status == ScheduledVisit.Status.CANCELLED:
            return cleaned
        # Wait for any other booking of this host to commit, then look: the admin saves in
        # the same transaction, so no booking can slip in between this check and the save.
        services.lock_host_calendar(host.pk)
        clashes = list(
            ScheduledVisit.objects.overlapping(host=host, starts_on=start, ends_on=end)
            .exclude(pk=self.instance.pk)
            .select_related("intake__programme")[:3]
        )
        if clashes:
            self.add_error(
                "starts_on",
                ValidationError(
                    gettext(
                        "%(host)s already has a visit on some of these dates: %(visits)s. "
                        "Choose other dates, or cancel the other visit first."
                    )
                    % {
                        "host": host,
                        "visits": "; ".join(
                            f"{_date_span(v.starts_on, v.ends_on)} ({v.intake})" for v in clashes
                        ),
                    },
                    code="overlap",
                ),
            )
        return cleaned


@admin.register(ScheduledVisit)
class ScheduledVisitAdmin(admin.ModelAdmin):
    form = ScheduledVisitForm
    list_display = [
        "host",
        "intake",
        "kind",
        "starts_on",
        "ends_on",
        "participants",
        "status",
        "host_may_be_listed",
        "confirmation_sent_at",
    ]
    list_filter = ["status", "kind", "host_may_be_listed", "intake__programme", "host__county"]
    list_select_related = ["host", "intake__programme"]
    search_fields = [
        "host__short_name",
        "host__name_sv",
        "contact_name",
        "contact_email",
        "intake__programme__title_sv",
        "intake__programme__title_en",
    ]
    autocomplete_fields = ["intake", "host", "offer"]
    date_hierarchy = "starts_on"
    inlines = [HistoryInline]
    readonly_fields = ["confirmation_sent_at", "created_at", "updated_at"]
    actions = ["confirm_visits", "export_csv", "export_ics"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "intake",
                    "host",
                    "offer",
                    "kind",
                    ("starts_on", "ends_on"),
                    "participants",
                    *side_by_side("topic"),
                    "status",
                ]
            },
        ),
        (
            _("Host contact"),
            {"fields": ["contact_name", "contact_email", "contact_language", "host_may_be_listed"]},
        ),
        (
            _("Internal"),
            {"fields": ["internal_notes", "confirmation_sent_at", "created_at", "updated_at"]},
        ),
    ]

    def get_urls(self):
        return [
            path(
                "calendar.ics",
                self.admin_site.admin_view(self.calendar_view),
                name="programmes_scheduledvisit_calendar",
            ),
            path(
                "export.csv",
                self.admin_site.admin_view(self.csv_view),
                name="programmes_scheduledvisit_csv",
            ),
            *super().get_urls(),
        ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except services.VisitOverlapError as error:
            # Only when another booking committed between the form check and the save.
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def save_model(self, request, obj, form, change):
        if not change:
            services.visit_create(visit=obj, by=request.user)
            return
        old = ScheduledVisit.objects.get(pk=obj.pk)
        changes = {
            name: (getattr(old, name), getattr(obj, name))
            for name in form.changed_data
            if name in {f.name for f in ScheduledVisit._meta.concrete_fields}
        }
        services.visit_update(visit=obj, changes=changes, by=request.user)
        if changes.get("status", (None, None))[1] == ScheduledVisit.Status.CONFIRMED:
            self.message_user(
                request, gettext("The host has been sent a confirmation email."), messages.SUCCESS
            )

    @admin.action(description=_("Confirm and email the hosts"), permissions=["change"])
    def confirm_visits(self, request, queryset):
        confirmed = 0
        for visit in queryset.select_related("host"):
            try:
                if visit.status != ScheduledVisit.Status.CONFIRMED:
                    services.visit_confirm(visit=visit, by=request.user)
                    confirmed += 1
            except ValidationError as error:
                self.message_user(request, f"{visit}: {' '.join(error.messages)}", messages.ERROR)
        self.message_user(
            request,
            gettext("%(count)d visits confirmed; the hosts have been emailed.")
            % {"count": confirmed},
            messages.SUCCESS,
        )

    @admin.action(description=_("Download as CSV"))
    def export_csv(self, request, queryset):
        return self._csv_response(selectors.visits_for_export(queryset))

    @admin.action(description=_("Download as iCalendar file"))
    def export_ics(self, request, queryset):
        return self._ics_response(selectors.visits_for_export(queryset))

    def calendar_view(self, request):
        """Every visit not cancelled, from a year ago: subscribe to it in a calendar program."""
        since = timezone.localdate() - timedelta(days=365)
        visits = selectors.visits_for_export(
            ScheduledVisit.objects.active().filter(ends_on__gte=since)
        )
        return self._ics_response(visits)

    def csv_view(self, request):
        return self._csv_response(selectors.visits_for_export())

    @staticmethod
    def _csv_response(visits) -> HttpResponse:
        response = HttpResponse(exports.visits_csv(visits), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="icld-study-visits.csv"'
        return response

    @staticmethod
    def _ics_response(visits) -> HttpResponse:
        response = HttpResponse(
            exports.visits_ics(visits), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="icld-study-visits.ics"'
        return response
