"""Knowledge centre pages in sitemap.xml, once per language with hreflang alternates."""

from django.urls import reverse

from core.sitemaps import BilingualSitemap
from knowledge.models import Event, Publication, ResearchCall


class KnowledgeListSitemap(BilingualSitemap):
    priority = 0.7
    changefreq = "daily"

    def items(self):
        return ["knowledge:publications", "knowledge:calls", "knowledge:events"]

    def location(self, item):
        return reverse(item)


class PublicationSitemap(BilingualSitemap):
    priority = 0.6
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return Publication.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, publication: Publication):
        return publication.updated_at


class ResearchCallSitemap(BilingualSitemap):
    priority = 0.6
    changefreq = "weekly"

    def items(self):
        return ResearchCall.objects.published().only("slug", "created_at").order_by("pk")


class EventSitemap(BilingualSitemap):
    priority = 0.5
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Event.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, event: Event):
        return event.updated_at


SITEMAPS = {
    "lists": KnowledgeListSitemap,
    "publications": PublicationSitemap,
    "calls": ResearchCallSitemap,
    "events": EventSitemap,
}
