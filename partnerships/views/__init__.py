"""Public pages of the partnership database, one module per aggregate; urls.py uses these."""

from partnerships.views.figures import FiguresView, OpenDataView, chart_data
from partnerships.views.interest import RegistrationThanksView, RegistrationView
from partnerships.views.partnership import (
    IndexView,
    PartnershipDetailView,
    PartnershipListView,
    SwedenMapView,
    WorldMapView,
    export_csv,
    export_json,
    export_xlsx,
)
from partnerships.views.seeker import SeekerListView
from partnerships.views.story import StoryDetailView, StoryListView

__all__ = [
    "FiguresView",
    "OpenDataView",
    "chart_data",
    "export_xlsx",
    "IndexView",
    "PartnershipDetailView",
    "PartnershipListView",
    "RegistrationThanksView",
    "RegistrationView",
    "SeekerListView",
    "StoryDetailView",
    "StoryListView",
    "SwedenMapView",
    "WorldMapView",
    "export_csv",
    "export_json",
]
