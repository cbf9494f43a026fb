"""sitemap.xml: the portal's own pages plus every sitemap the apps register
(``core.registries.sitemaps``)."""

from django.urls import reverse

from core import registries
from core.sitemaps import BilingualSitemap
from reference.models import Country, Organisation, Theme


class SectionSitemap(BilingualSitemap):
    """The home page, the three section start pages and the portal's indexes."""

    priority = 0.8
    changefreq = "daily"

    def items(self):
        return [
            "home",
            "partnerships:index",
            "programmes:index",
            "knowledge:index",
            "portal:country_index",
            "portal:theme_index",
        ]

    def location(self, item):
        return reverse(item)


class CountrySitemap(BilingualSitemap):
    priority = 0.5
    changefreq = "weekly"

    def items(self):
        return Country.objects.partners().order_by("code")


class ThemeSitemap(BilingualSitemap):
    priority = 0.5
    changefreq = "weekly"

    def items(self):
        return Theme.objects.order_by("ordering", "slug")


class OrganisationSitemap(BilingualSitemap):
    """Swedish municipalities, regions and federations: each has a page of its involvement."""

    priority = 0.3

    def items(self):
        return Organisation.objects.swedish().order_by("slug")


PORTAL_SITEMAPS = {
    "sections": SectionSitemap,
    "countries": CountrySitemap,
    "themes": ThemeSitemap,
    "organisations": OrganisationSitemap,
}


def collect_sitemaps() -> dict:
    return {**PORTAL_SITEMAPS, **dict(registries.sitemaps.items())}
