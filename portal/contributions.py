"""What the portal itself adds to the shared features: the home page's texts for the
communications team, and the reference pages it shows (every organisation, partner country and
theme), found by the site search (core.search)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import registries
from core.search import Names, SearchSource, search_vector_expression
from reference.models import Country, Organisation, Theme
from staff.roles import COMMUNICATIONS, EDIT, Grant

# Communications keep the home page's texts and pictures.
registries.staff_grants.register(
    (COMMUNICATIONS, "portal.HomePage"), Grant("portal.HomePage", (*EDIT, "add"))
)

# Organisations keep a stored, indexed vector (there are thousands); countries and themes are
# a few dozen rows, their vector computed per row.
registries.search_sources.register(
    "organisations",
    SearchSource(
        key="organisations",
        label=_("Organisations"),
        queryset=lambda: Organisation.objects.defer("search_vector"),
        title="name",
        names=(Names(lambda: Organisation.objects.all(), "short_name"),),
        more_url=lambda query: "",
    ),
)
registries.search_sources.register(
    "countries",
    SearchSource(
        key="countries",
        label=_("Partner countries"),
        queryset=lambda: Country.objects.partners(),
        vector=lambda: search_vector_expression(a=["name"]),
        title="name",
        names=(
            Names(lambda: Country.objects.partners(), "name_sv"),
            Names(lambda: Country.objects.partners(), "name_en"),
        ),
        more_url=lambda query: reverse("portal:country_index"),
    ),
)
registries.search_sources.register(
    "themes",
    SearchSource(
        key="themes",
        label=_("Themes"),
        queryset=lambda: Theme.objects.all(),
        vector=lambda: search_vector_expression(a=["name"], c=["description"]),
        title="name",
        snippet="description",
        more_url=lambda query: reverse("portal:theme_index"),
    ),
)
