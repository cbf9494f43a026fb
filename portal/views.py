"""The pages that gather the three apps: home, site search, and one page per country,
organisation and theme (with the country and theme indexes)."""

from django.http import Http404
from django.views.generic import TemplateView

from partnerships import selectors as partnerships
from portal import schema, search, selectors
from reference.models import Organisation


class HomeView(TemplateView):
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **selectors.home_page(), site_schema=schema.site_schema(), **kwargs
        )


class SearchView(TemplateView):
    page_cache_searches = True

    template_name = "portal/search.html"

    def get_context_data(self, **kwargs):
        found = search.site_search(self.request.GET.get("q", ""))
        return super().get_context_data(
            query=found.query,
            groups=found.groups,
            total=found.total,
            total_is_exact=found.total_is_exact,
            any_word=found.any_word,
            suggestion=found.suggestion,
            **kwargs,
        )


class CountryIndexView(TemplateView):
    template_name = "portal/country_index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**selectors.country_index(), **kwargs)


class CountryDetailView(TemplateView):
    """Everything ICLD does with a partner country: partnerships, programmes, research, events."""

    template_name = "portal/country_detail.html"

    def get_context_data(self, **kwargs):
        country = partnerships.country_get(kwargs["slug"])
        if country is None:
            raise Http404
        return super().get_context_data(
            country=country, **selectors.country_overview(self.request, country), **kwargs
        )


class OrganisationIndexView(TemplateView):
    template_name = "portal/organisation_index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**selectors.organisation_index(), **kwargs)


class OrganisationDetailView(TemplateView):
    """An organisation's whole involvement with ICLD."""

    template_name = "portal/organisation_detail.html"

    def get_context_data(self, **kwargs):
        organisation = (
            Organisation.objects.select_related("country", "county")
            .filter(slug=kwargs["slug"])
            .first()
        )
        if organisation is None:
            raise Http404
        return super().get_context_data(
            organisation=organisation,
            **selectors.organisation_involvement(self.request, organisation),
            **kwargs,
        )


class ThemeIndexView(TemplateView):
    template_name = "portal/theme_index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**selectors.theme_index(), **kwargs)


class ThemeDetailView(TemplateView):
    """A theme across the portal: partnerships, programmes, research and events on it."""

    template_name = "portal/theme_detail.html"

    def get_context_data(self, **kwargs):
        theme = partnerships.theme_get(kwargs["slug"])
        if theme is None:
            raise Http404
        return super().get_context_data(
            theme=theme, **selectors.theme_overview(self.request, theme), **kwargs
        )
