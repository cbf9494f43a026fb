from django.views.generic import DetailView

from reference.models import Country, Organisation, Theme


class CountryDetailView(DetailView):
    queryset = Country.objects.partners()
    template_name = "reference/country_detail.html"
    context_object_name = "country"


class OrganisationDetailView(DetailView):
    queryset = Organisation.objects.select_related("country", "county")
    template_name = "reference/organisation_detail.html"
    context_object_name = "organisation"


class ThemeDetailView(DetailView):
    model = Theme
    template_name = "reference/theme_detail.html"
    context_object_name = "theme"
