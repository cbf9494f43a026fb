from django.urls import path
from django.utils.translation import gettext_lazy as _

from portal import views

app_name = "portal"

urlpatterns = [
    path(_("search/"), views.SearchView.as_view(), name="search"),
    path(_("countries/"), views.CountryIndexView.as_view(), name="country_index"),
    path(_("countries/<slug:slug>/"), views.CountryDetailView.as_view(), name="country"),
    path(_("organisations/"), views.OrganisationIndexView.as_view(), name="organisation_index"),
    path(
        _("organisations/<slug:slug>/"), views.OrganisationDetailView.as_view(), name="organisation"
    ),
    path(_("themes/"), views.ThemeIndexView.as_view(), name="theme_index"),
    path(_("themes/<slug:slug>/"), views.ThemeDetailView.as_view(), name="theme"),
]
