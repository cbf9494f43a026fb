from django.contrib.sitemaps import Sitemap

from core.models import AccessibilityStatement, Page


class BilingualSitemap(Sitemap):
    """Every item once per language, each with hreflang alternates for both."""

    i18n = True
    alternates = True
    x_default = True


class PageSitemap(BilingualSitemap):
    priority = 0.4
    changefreq = "monthly"

    def items(self):
        return [*Page.objects.order_by("key"), *AccessibilityStatement.objects.all()]

    def lastmod(self, item):
        return getattr(item, "updated_at", None)
