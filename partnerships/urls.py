from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from partnerships import views
from partnerships.feeds import StoryFeed

app_name = "partnerships"


def moved_to(pattern_name: str):
    return RedirectView.as_view(pattern_name=pattern_name, permanent=True, query_string=True)


urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path(_("partnerships/"), views.PartnershipListView.as_view(), name="list"),
    path(_("partnerships/data.csv"), views.export_csv, name="export_csv"),
    path(_("partnerships/data.json"), views.export_json, name="export_json"),
    path(_("partnerships/data.xlsx"), views.export_xlsx, name="export_xlsx"),
    path(_("figures/"), views.FiguresView.as_view(), name="figures"),
    path(_("figures/<slug:chart>.<slug:fmt>"), views.chart_data, name="chart_data"),
    path(_("open-data/"), views.OpenDataView.as_view(), name="open_data"),
    path(_("partnerships/<slug:slug>/"), views.PartnershipDetailView.as_view(), name="detail"),
    # Country, organisation and theme pages are the portal's (one page for all three apps);
    # the addresses they had here keep working.
    path(_("countries/"), moved_to("portal:country_index")),
    path(_("countries/<slug:slug>/"), moved_to("portal:country")),
    path(_("organisations/<slug:slug>/"), moved_to("portal:organisation")),
    path(_("themes/"), moved_to("portal:theme_index")),
    path(_("themes/<slug:slug>/"), moved_to("portal:theme")),
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
