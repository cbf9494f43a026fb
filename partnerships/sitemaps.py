"""Partnership pages in sitemap.xml, once per language with hreflang alternates."""

from django.urls import reverse

from core.sitemaps import BilingualSitemap
from partnerships.models import Partnership, Story


class PartnershipSitemap(BilingualSitemap):
    priority = 0.6
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return Partnership.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, partnership: Partnership):
        return partnership.updated_at


class StorySitemap(BilingualSitemap):
    priority = 0.6
    changefreq = "monthly"

    def items(self):
        return Story.objects.published().only("slug", "updated_at").order_by("-date", "pk")

    def lastmod(self, story: Story):
        return story.updated_at


class SectionPagesSitemap(BilingualSitemap):
    priority = 0.5
    changefreq = "weekly"

    def items(self):
        return [
            "partnerships:list",
            "partnerships:story_list",
            "partnerships:map_sweden",
            "partnerships:map_world",
            "partnerships:figures",
            "partnerships:open_data",
        ]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "partnerships": PartnershipSitemap,
    "stories": StorySitemap,
    "sections": SectionPagesSitemap,
}
