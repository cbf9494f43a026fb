from django.urls import path, register_converter
from django.utils.translation import gettext_lazy as _

from alerts import feeds, kinds, views

app_name = "alerts"

register_converter(kinds.KindConverter, "kind")

urlpatterns = [
    path("", views.ManageRequestView.as_view(), name="manage_request"),
    path(_("link-sent/"), views.ManageSentView.as_view(), name="manage_sent"),
    path(_("manage/<str:token>/"), views.ManageView.as_view(), name="manage"),
    path(_("check-your-email/"), views.SubscribeSentView.as_view(), name="subscribe_sent"),
    path(_("confirm/<str:token>/"), views.ConfirmView.as_view(), name="confirm"),
    path(_("unsubscribe/<str:token>/"), views.UnsubscribeView.as_view(), name="unsubscribe"),
    path(_("<kind:kind>/follow/"), views.SubscribeView.as_view(), name="subscribe"),
    path(_("<kind:kind>/feed/"), feeds.FilteredListFeed(), name="atom"),
    path(_("<kind:kind>/calendar.ics"), feeds.calendar_feed, name="ical"),
]

# The project mounts this app under this path segment (icld_portal/urls.py); it is marked
# here too so the app's own Swedish catalogue translates it ("bevakningar/").
MOUNT_PATH = _("alerts/")
