from django.views.generic import DetailView

from core import selectors
from reference.models import Country, Organisation, Theme


class CountryDetailView(DetailView):
    """Everything ICLD does with a partner country: partnerships, programmes, research, events."""

    queryset = Country.objects.partners()
    template_name = "reference/country_detail.html"
    context_object_name = "country"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**selectors.country_overview(self.object), **kwargs)


class OrganisationDetailView(DetailView):
    """An organisation's whole involvement with ICLD."""

    queryset = Organisation.objects.select_related("country", "county")
    template_name = "reference/organisation_detail.html"
    context_object_name = "organisation"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**selectors.organisation_involvement(self.object), **kwargs)


class ThemeDetailView(DetailView):
    """A theme across the portal: partnerships, programmes, research and events on it."""

    model = Theme
    template_name = "reference/theme_detail.html"
    context_object_name = "theme"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**selectors.theme_overview(self.object), **kwargs)
