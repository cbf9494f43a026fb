"""The visit schedule: booking hosts, confirming visits, calendar and CSV exports."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.admin_utils import side_by_side
from programmes import exports, selectors, services
from programmes.admin.history import HistoryInline
from programmes.models import ScheduledVisit
from programmes.templatetags.programmes_tags import date_span


class ScheduledVisitForm(forms.ModelForm):
    # Hidden until the checks warn: then a checkbox the coordinator ticks to save anyway.
    confirm_warnings = forms.BooleanField(
        label=_("Save anyway: I have read the warnings and the host agrees"),
        required=False,
        widget=forms.HiddenInput,
    )

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
                            f"{date_span(v.starts_on, v.ends_on)} ({v.intake})" for v in clashes
                        ),
                    },
                    code="overlap",
                ),
            )
        self._check_scheduling(cleaned)
        return cleaned

    def _check_scheduling(self, cleaned) -> None:
        """Hard errors on their fields; warnings on the checkbox that confirms them."""
        self.confirmed_warnings = []
        revived = (
            self.instance.pk is not None
            and self.instance.status == ScheduledVisit.Status.CANCELLED
            and "status" in self.changed_data
        )
        if self.instance.pk is not None and not revived:
            if not set(services.SCHEDULING_FIELDS) & set(self.changed_data):
                return
        probe = ScheduledVisit(
            pk=self.instance.pk,
            status=cleaned.get("status") or ScheduledVisit.Status.PROPOSED,
            **{name: cleaned.get(name) for name in services.SCHEDULING_FIELDS},
        )
        check = services.visit_check(probe)
        for problem in check.errors:
            self.add_error(problem.field, ValidationError(problem.message, code="impossible"))
        if not check.warnings:
            return
        messages_ = [problem.message for problem in check.warnings]
        if cleaned.get("confirm_warnings") and not check.errors:
            self.confirmed_warnings = messages_
            return
        # Warnings are shown beside the errors, so the coordinator fixes everything in one go;
        # the box stays as it was ticked until the errors are fixed.
        self.fields["confirm_warnings"].widget = forms.CheckboxInput()
        hint = (
            gettext(
                "Check these with the host too: once the errors are fixed, tick the box to "
                "save anyway."
            )
            if check.errors
            else gettext("Check these with the host, then tick the box to save anyway.")
        )
        self.add_error(
            "confirm_warnings",
            [
                *(ValidationError(m, code="warning") for m in messages_),
                ValidationError(hint, code="warning"),
            ],
        )


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
                    "confirm_warnings",
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
        for warning in getattr(form, "confirmed_warnings", ()):
            self.message_user(
                request, gettext("Saved despite a warning: %s") % warning, messages.WARNING
            )
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
        status = changes.get("status", (None, None))
        if status[1] == ScheduledVisit.Status.CONFIRMED:
            self.message_user(
                request, gettext("The host has been sent a confirmation email."), messages.SUCCESS
            )
        elif status == (ScheduledVisit.Status.CONFIRMED, ScheduledVisit.Status.PROPOSED) and (
            obj.contact_email or (obj.offer_id and obj.offer.email)
        ):
            self.message_user(
                request,
                gettext("The host has been emailed that the visit is no longer confirmed."),
                messages.SUCCESS,
            )

    def delete_model(self, request, obj):
        services.visit_delete(visit=obj)

    def delete_queryset(self, request, queryset):
        # One by one, so that each host of a confirmed visit is told it is cancelled.
        for visit in queryset.select_related("host", "offer"):
            services.visit_delete(visit=visit)

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
