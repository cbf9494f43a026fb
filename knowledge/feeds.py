"""Atom feeds per language: new publications and new research calls."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from knowledge.models import Publication, ResearchCall


class PublicationFeed(Feed):
    feed_type = Atom1Feed
    title = _("ICLD: new publications")
    subtitle = _(
        "New research reports, working papers and policy briefs from ICLD's Knowledge Centre."
    )

    def link(self):
        return reverse("knowledge:publications")

    def items(self):
        return Publication.objects.published().order_by("-created_at", "-pk")[:30]

    def item_title(self, item):
        return str(item.title)

    def item_description(self, item):
        return str(item.abstract)

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.author_names or "ICLD"

    def item_categories(self, item):
        return [str(item.get_type_display())]


class ResearchCallFeed(Feed):
    feed_type = Atom1Feed
    title = _("ICLD: research calls")
    subtitle = _("New calls for research funding from ICLD's Knowledge Centre.")

    def link(self):
        return reverse("knowledge:calls")

    def items(self):
        return ResearchCall.objects.published().order_by("-created_at", "-pk")[:30]

    def item_title(self, item):
        return str(item.title)

    def item_description(self, item):
        return strip_tags(str(item.summary or item.description))

    def item_pubdate(self, item):
        return item.created_at
