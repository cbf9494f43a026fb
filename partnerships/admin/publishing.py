"""What the admin of every publishable model shares: publish and unpublish actions, and a
link to the public page or the draft's preview."""

from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class PublishActionsMixin:
    publish_service = None
    unpublish_service = None

    @admin.action(description=_("Publish the selected items"))
    def publish(self, request, queryset):
        for obj in queryset:
            type(self).publish_service(obj)
        self.message_user(
            request,
            ngettext("%(count)d item published.", "%(count)d items published.", queryset.count())
            % {"count": queryset.count()},
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish the selected items (back to draft)"))
    def unpublish(self, request, queryset):
        for obj in queryset:
            type(self).unpublish_service(obj)
        self.message_user(
            request,
            ngettext(
                "%(count)d item unpublished.", "%(count)d items unpublished.", queryset.count()
            )
            % {"count": queryset.count()},
            messages.SUCCESS,
        )

    @admin.display(description=_("public page"))
    def public_link(self, obj):
        if not obj.pk:
            return "–"
        label = _("View the public page") if obj.is_published else _("Preview the draft")
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>', obj.get_absolute_url(), label
        )

    def view_on_site(self, obj):
        return obj.get_absolute_url()
