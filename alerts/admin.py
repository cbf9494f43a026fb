from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alerts.models import Delivery, Digest, ManageLinkRequest, Subscription


class ConfirmedFilter(admin.SimpleListFilter):
    title = _("confirmed")
    parameter_name = "confirmed"

    def lookups(self, request, model_admin):
        return [
            ("yes", pgettext_lazy("alert subscriptions", "Confirmed")),
            ("no", _("Waiting for confirmation")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.confirmed()
        if self.value() == "no":
            return queryset.pending()
        return queryset


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = (
        "email",
        "kind",
        "query",
        "frequency",
        "language",
        "confirmed",
        "created_at",
        "last_digest_at",
    )
    list_filter = ("kind", ConfirmedFilter, "frequency", "language", "last_digest_at")
    search_fields = ("email", "query")
    date_hierarchy = "created_at"
    show_facets = admin.ShowFacets.ALWAYS
    readonly_fields = ("submission_token", "created_at", "confirmed_at", "since", "last_digest_at")
    fields = (
        "email",
        "kind",
        "query",
        "frequency",
        "language",
        "submission_token",
        "created_at",
        "confirmed_at",
        "since",
        "last_digest_at",
    )

    @admin.display(boolean=True, description=_("confirmed"), ordering="confirmed_at")
    def confirmed(self, obj):
        return obj.is_confirmed


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    list_display = ("email", "sent_on", "sent_at", "language", "item_count")
    list_filter = ("sent_on", "language")
    search_fields = ("email",)
    readonly_fields = ("email", "sent_on", "sent_at", "language", "item_count", "message")

    def has_add_permission(self, request):
        return False


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ("subscription", "item_key", "delivered_at")
    search_fields = ("subscription__email", "item_key")
    list_select_related = ("subscription",)
    readonly_fields = ("subscription", "item_key", "digest", "delivered_at")

    def has_add_permission(self, request):
        return False


@admin.register(ManageLinkRequest)
class ManageLinkRequestAdmin(admin.ModelAdmin):
    list_display = ("email", "language", "created_at", "sent")
    list_filter = ("sent", "language")
    search_fields = ("email",)
    readonly_fields = ("email", "language", "submission_token", "created_at", "sent")

    def has_add_permission(self, request):
        return False
