from django.urls import path
from django.utils.translation import gettext_lazy as _

from programmes import views

app_name = "programmes"

urlpatterns = [
    path("", views.ProgrammeListView.as_view(), name="index"),
    path(_("host-a-study-visit/"), views.HostingView.as_view(), name="hosting"),
    path(_("host-a-study-visit/offer/"), views.HostingOfferView.as_view(), name="hosting_offer"),
    path(
        _("host-a-study-visit/offer/thanks/"),
        views.HostingOfferThanksView.as_view(),
        name="hosting_offer_thanks",
    ),
    path(_("our-hosts/"), views.HostsView.as_view(), name="hosts"),
    # Last: a programme's slug never shadows the pages above (see models.RESERVED_SLUGS).
    path("<slug:slug>/", views.ProgrammeDetailView.as_view(), name="detail"),
]
