from django.urls import path
from django.utils.translation import gettext_lazy as _

from core import views
from core.models import Page

app_name = "core"

urlpatterns = [
    path(_("about/"), views.PageView.as_view(key=Page.Key.ABOUT), name="about"),
    path(_("contact/"), views.PageView.as_view(key=Page.Key.CONTACT), name="contact"),
    path(_("privacy/"), views.PrivacyNoticeView.as_view(), name="privacy"),
    path(_("pages/<path:path>/"), views.ContentPageView.as_view(), name="page"),
    path(_("accessibility/"), views.AccessibilityStatementView.as_view(), name="accessibility"),
    path(
        _("accessibility/report/"),
        views.AccessibilityReportView.as_view(),
        name="accessibility_report",
    ),
    path(
        _("accessibility/report/thanks/"),
        views.AccessibilityReportThanksView.as_view(),
        name="accessibility_report_thanks",
    ),
]
