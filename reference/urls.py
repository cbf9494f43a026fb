from django.urls import path
from django.utils.translation import gettext_lazy as _

from reference import views

app_name = "reference"

urlpatterns = [
    path(_("countries/<slug:slug>/"), views.CountryDetailView.as_view(), name="country"),
    path(
        _("organisations/<slug:slug>/"), views.OrganisationDetailView.as_view(), name="organisation"
    ),
    path(_("themes/<slug:slug>/"), views.ThemeDetailView.as_view(), name="theme"),
]
