"""What the admin of every publishable model shares: publish and unpublish actions, and a
link to the public page or the draft's preview."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin_utils import preview_links


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
        return preview_links(obj)

    def view_on_site(self, obj):
        return obj.get_absolute_url()
