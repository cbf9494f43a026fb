"""Programme pages in sitemap.xml, once per language with hreflang alternates."""

from django.urls import reverse

from core.sitemaps import BilingualSitemap
from programmes.models import Programme


class ProgrammeSitemap(BilingualSitemap):
    priority = 0.7
    changefreq = "weekly"

    def items(self):
        return Programme.objects.published().order_by("ordering", "pk")

    def lastmod(self, programme: Programme):
        return programme.updated_at


class HostingSitemap(BilingualSitemap):
    """The pages for Swedish municipalities and regions that host study visits."""

    priority = 0.5
    changefreq = "monthly"

    def items(self):
        return ["programmes:hosting", "programmes:hosting_offer", "programmes:hosts"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {"programmes": ProgrammeSitemap, "hosting": HostingSitemap}
