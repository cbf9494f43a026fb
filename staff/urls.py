"""The second factor, mounted under the admin prefix (icld_portal/urls.py: admin/security/).

Like admin itself these paths are not translated and carry no language prefix:
the language comes from the language cookie or the browser (LocaleMiddleware),
and the pages offer a switch to the other language.
"""

from django.urls import path
from django.views.i18n import set_language

from staff import views

app_name = "staff"

urlpatterns = [
    path("verify/", views.VerifyView.as_view(), name="verify"),
    path("enrol/", views.EnrolView.as_view(), name="enrol"),
    path("recovery-codes/", views.RecoveryCodesView.as_view(), name="recovery_codes"),
    path("language/", set_language, name="set_language"),
]
