"""Events and their sign-ups: seat counts, moves between the lists, participant lists."""

import csv

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from core.admin_utils import PreviewLinksMixin, side_by_side, translated_search_fields
from core.spreadsheets import spreadsheet_cell
from knowledge import selectors, services
from knowledge.models import Event, Registration


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    fields = ["name", "email", "organisation", "needs", "status", "created_at"]
    readonly_fields = ["name", "email", "organisation", "needs", "status", "created_at"]
    can_delete = False
    show_change_link = True
    ordering = ["status", "created_at"]

    def has_add_permission(self, request, obj=None):
        return False


def _participants_csv(registrations, filename: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(
        [
            _("event"),
            _("name"),
            _("email"),
            _("organisation"),
            _("dietary or accessibility needs"),
            _("status"),
            _("signed up"),
        ]
    )
    for r in registrations:
        cells = [
            r.event.title,
            r.name,
            r.email,
            r.organisation,
            r.needs,
            r.get_status_display(),
            timezone.localtime(r.created_at).strftime("%Y-%m-%d %H:%M"),
        ]
        writer.writerow([spreadsheet_cell(cell) for cell in cells])
    return response


@admin.register(Event)
class EventAdmin(PreviewLinksMixin, admin.ModelAdmin):
    list_display = [
        "title_sv",
        "kind",
        "starts_at",
        "capacity",
        "confirmed",
        "waiting",
        "is_published",
    ]
    list_filter = ["kind", "language", "is_published", "themes"]
    search_fields = [*translated_search_fields("title"), "city"]
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["speakers", "countries", "organisations", "lead_image"]
    filter_horizontal = ["themes"]
    date_hierarchy = "starts_at"
    inlines = [RegistrationInline]
    actions = ["export_participants"]
    readonly_fields = ["published_at", "public_link"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "kind",
                    "slug",
                    "starts_at",
                    "ends_at",
                    "language",
                    ("is_published", "published_at"),
                    "is_cancelled",
                    "publish_at",
                    "public_link",
                ]
            },
        ),
        (
            _("Content (Swedish | English)"),
            {"fields": side_by_side("title", "summary", "description", "venue")},
        ),
        (_("Image"), {"fields": ["lead_image"]}),
        (_("Place"), {"fields": ["city", "online_url"]}),
        (_("Sign-up"), {"fields": ["registration_enabled", "capacity", "registration_deadline"]}),
        (
            _("Speakers, themes, countries and organisations"),
            {"fields": ["speakers", "themes", "countries", "organisations"]},
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                confirmed_total=Count("registrations", filter=Q(registrations__status="confirmed")),
                waiting_total=Count("registrations", filter=Q(registrations__status="waiting")),
            )
        )

    @admin.display(description=pgettext_lazy("seats", "confirmed"), ordering="confirmed_total")
    def confirmed(self, obj):
        return obj.confirmed_total

    @admin.display(description=pgettext_lazy("seats", "waiting"), ordering="waiting_total")
    def waiting(self, obj):
        return obj.waiting_total

    @admin.action(description=_("Export participants as CSV"))
    def export_participants(self, request, queryset):
        registrations = selectors.registrations_for_export(
            list(queryset.values_list("pk", flat=True))
        )
        return _participants_csv(registrations, "participants.csv")

    def view_on_site(self, obj):
        return obj.get_absolute_url()

    def save_model(self, request, obj, form, change):
        # More seats go to the waiting list first; a cancellation or a new date, time or
        # place is emailed to everyone signed up (services.event_save).
        saved = services.event_save(event=obj)
        _tell_promoted(self, request, saved.promoted)
        if saved.told:
            self.message_user(request, _told_message(saved), messages.SUCCESS)


def _told_message(saved) -> str:
    count = len(saved.told)
    if saved.told_of == "event_cancelled":
        text = ngettext(
            "%(count)d person signed up was emailed that the event is cancelled.",
            "%(count)d people signed up were emailed that the event is cancelled.",
            count,
        )
    elif saved.told_of == "event_reinstated":
        text = ngettext(
            "%(count)d person signed up was emailed that the event takes place after all.",
            "%(count)d people signed up were emailed that the event takes place after all.",
            count,
        )
    else:
        text = ngettext(
            "%(count)d person signed up was emailed the new date, time or place.",
            "%(count)d people signed up were emailed the new date, time or place.",
            count,
        )
    return text % {"count": count}


def _tell_promoted(model_admin, request, promoted) -> None:
    if promoted:
        model_admin.message_user(
            request,
            ngettext(
                "%(count)d person on the waiting list got a seat and was emailed.",
                "%(count)d people on the waiting list got a seat and were emailed.",
                len(promoted),
            )
            % {"count": len(promoted)},
            messages.SUCCESS,
        )


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "organisation", "event", "status", "created_at"]
    list_filter = ["status", "event"]
    search_fields = ["name", "email", "organisation"]
    list_select_related = ["event"]
    readonly_fields = [
        "event",
        "name",
        "email",
        "organisation",
        "needs",
        "consent",
        "language",
        "status",
        "created_at",
        "status_changed_at",
    ]
    actions = ["confirm_selected", "move_to_waiting_list", "cancel_selected", "export_csv"]

    def has_add_permission(self, request):
        return False

    def delete_model(self, request, obj):
        # A deleted sign-up's seat goes to the waiting list (services.registration_delete).
        _tell_promoted(self, request, services.registration_delete(registration=obj))

    def delete_queryset(self, request, queryset):
        promoted = []
        for registration in queryset:
            promoted += services.registration_delete(registration=registration)
        _tell_promoted(self, request, promoted)

    @admin.action(description=_("Cancel the sign-up (emails the person)"))
    def cancel_selected(self, request, queryset):
        cancelled, promoted = 0, []
        for registration in queryset.exclude(status=Registration.Status.CANCELLED):
            promoted += services.registration_cancel(registration=registration, by_staff=True)
            cancelled += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d sign-up cancelled; the person was emailed.",
                "%(count)d sign-ups cancelled; each person was emailed.",
                cancelled,
            )
            % {"count": cancelled},
            messages.SUCCESS,
        )
        _tell_promoted(self, request, promoted)

    @admin.action(description=_("Give a confirmed seat (emails the person)"))
    def confirm_selected(self, request, queryset):
        moved = sum(services.registration_confirm(registration=r) for r in queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d person moved to confirmed.",
                "%(count)d people moved to confirmed.",
                moved,
            )
            % {"count": moved},
            messages.SUCCESS,
        )

    @admin.action(description=_("Move to the waiting list (the seat goes to the next in line)"))
    def move_to_waiting_list(self, request, queryset):
        moved = sum(services.registration_move_to_waiting(registration=r) for r in queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d person moved to the waiting list.",
                "%(count)d people moved to the waiting list.",
                moved,
            )
            % {"count": moved},
            messages.SUCCESS,
        )

    @admin.action(description=_("Export selected as CSV"))
    def export_csv(self, request, queryset):
        return _participants_csv(
            queryset.select_related("event").order_by("event", "created_at"), "registrations.csv"
        )
