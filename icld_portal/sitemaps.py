"""sitemap.xml: the site-wide pages plus each app's `SITEMAPS` (in <app>/sitemaps.py)."""

from importlib import import_module

from core.sitemaps import PageSitemap, SectionSitemap

APPS_WITH_SITEMAPS = ["reference", "partnerships", "programmes", "knowledge"]


def collect_sitemaps() -> dict:
    sitemaps = {"sections": SectionSitemap, "pages": PageSitemap}
    for app in APPS_WITH_SITEMAPS:
        try:
            module = import_module(f"{app}.sitemaps")
        except ModuleNotFoundError as error:
            if error.name != f"{app}.sitemaps":
                raise
            continue
        sitemaps.update({f"{app}-{name}": sitemap for name, sitemap in module.SITEMAPS.items()})
    return sitemaps
