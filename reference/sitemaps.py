from core.sitemaps import BilingualSitemap
from reference.models import Country, Organisation, Theme


class CountrySitemap(BilingualSitemap):
    priority = 0.5

    def items(self):
        return Country.objects.partners().order_by("code")


class ThemeSitemap(BilingualSitemap):
    priority = 0.5

    def items(self):
        return Theme.objects.order_by("slug")


class OrganisationSitemap(BilingualSitemap):
    """Swedish municipalities, regions and federations: each has a page of its involvement."""

    priority = 0.3

    def items(self):
        return Organisation.objects.swedish().order_by("slug")


SITEMAPS = {
    "countries": CountrySitemap,
    "themes": ThemeSitemap,
    "organisations": OrganisationSitemap,
}
