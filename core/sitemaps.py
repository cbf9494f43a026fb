from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from core.models import AccessibilityStatement, Page


class BilingualSitemap(Sitemap):
    """Every item once per language, each with hreflang alternates for both."""

    i18n = True
    alternates = True
    x_default = True


class SectionSitemap(BilingualSitemap):
    """The home page and the three section start pages."""

    priority = 0.8
    changefreq = "daily"

    def items(self):
        return ["home", "partnerships:index", "programmes:index", "knowledge:index"]

    def location(self, item):
        return reverse(item)


class PageSitemap(BilingualSitemap):
    priority = 0.4
    changefreq = "monthly"

    def items(self):
        return [*Page.objects.order_by("key"), *AccessibilityStatement.objects.all()]

    def lastmod(self, item):
        return getattr(item, "updated_at", None)
