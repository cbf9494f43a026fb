from django.urls import path
from django.utils.translation import gettext_lazy as _

from core import views
from core.models import Page

app_name = "core"

urlpatterns = [
    path(_("about/"), views.PageView.as_view(key=Page.Key.ABOUT), name="about"),
    path(_("contact/"), views.PageView.as_view(key=Page.Key.CONTACT), name="contact"),
    path(_("privacy/"), views.PageView.as_view(key=Page.Key.PRIVACY), name="privacy"),
    path(
        _("accessibility/"),
        views.PageView.as_view(key=Page.Key.ACCESSIBILITY),
        name="accessibility",
    ),
]
