"""Offers to host study visits and their periods; staff review them and set a status."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from programmes import services
from programmes.admin.history import HistoryInline, history_changes
from programmes.models import (
    HistoryEntry,
    HostingKind,
    HostingOffer,
    HostingPeriod,
    WorkingLanguage,
)
from programmes.templatetags.programmes_tags import date_span


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
        return "; ".join(date_span(p.starts_on, p.ends_on) for p in obj.periods.all())

    def save_model(self, request, obj, form, change):
        old = HostingOffer.objects.filter(pk=obj.pk).first() if change else None
        super().save_model(request, obj, form, change)
        changes = history_changes(form, old)
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
