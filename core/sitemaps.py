from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap

from core.models import AccessibilityStatement, Page


class BilingualSitemap(Sitemap):
    """Every item once per language, each with hreflang alternates for both."""

    i18n = True
    alternates = True
    x_default = True

    def get_urls(self, page=1, site=None, protocol=None):
        # The addresses every page names as its canonical (ICLD_SITE_URL), not the request's
        # host, so each <loc> is exactly the canonical of the page it lists.
        site_url = urlsplit(settings.ICLD_SITE_URL)
        return self._urls(page, site_url.scheme, site_url.netloc + site_url.path)

    def _urls(self, page, protocol, domain):
        # Django's x-default drops the language prefix, which only an unprefixed default
        # language answers; ours is /sv/, as in the pages' own x-default link.
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            by_language = {a["lang_code"]: a["location"] for a in url["alternates"]}
            for alternate in url["alternates"]:
                if alternate["lang_code"] == "x-default":
                    alternate["location"] = by_language[settings.LANGUAGE_CODE]
        return urls


class PageSitemap(BilingualSitemap):
    priority = 0.4
    changefreq = "monthly"

    def items(self):
        # A draft is neither listed nor announced before it is published.
        pages = Page.objects.published().order_by("key", "parent_id", "position", "pk")
        return [*pages, *AccessibilityStatement.objects.all()]

    def lastmod(self, item):
        return getattr(item, "updated_at", None)
