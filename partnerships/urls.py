from django.urls import path
from django.utils.translation import gettext_lazy as _

from partnerships import views
from partnerships.feeds import StoryFeed

app_name = "partnerships"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path(_("partnerships/"), views.PartnershipListView.as_view(), name="list"),
    path(_("partnerships/data.csv"), views.export_csv, name="export_csv"),
    path(_("partnerships/data.json"), views.export_json, name="export_json"),
    path(_("partnerships/<slug:slug>/"), views.PartnershipDetailView.as_view(), name="detail"),
    path(_("countries/"), views.CountryIndexView.as_view(), name="country_index"),
    path(_("countries/<slug:slug>/"), views.CountryDetailView.as_view(), name="country"),
    path(
        _("organisations/<slug:slug>/"), views.OrganisationDetailView.as_view(), name="organisation"
    ),
    path(_("themes/"), views.ThemeIndexView.as_view(), name="theme_index"),
    path(_("themes/<slug:slug>/"), views.ThemeDetailView.as_view(), name="theme"),
    path(_("stories/"), views.StoryListView.as_view(), name="story_list"),
    path(_("stories/feed/"), StoryFeed(), name="story_feed"),
    path(_("stories/<slug:slug>/"), views.StoryDetailView.as_view(), name="story"),
    path(_("map/sweden/"), views.SwedenMapView.as_view(), name="map_sweden"),
    path(_("map/world/"), views.WorldMapView.as_view(), name="map_world"),
    path(_("partner-seekers/"), views.SeekerListView.as_view(), name="seeker_list"),
    path(_("register-interest/"), views.RegistrationView.as_view(), name="register"),
    path(
        _("register-interest/thanks/"),
        views.RegistrationThanksView.as_view(),
        name="register_thanks",
    ),
]
