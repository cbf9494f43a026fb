"""Atom feeds per language: new publications and new research calls. An entry is dated by when
the item was added (its own time, given on import), never by when the row was last saved."""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.feeds import SiteFeed, absolute
from knowledge.models import Publication, ResearchCall


class PublicationFeed(SiteFeed):
    title = _("ICLD: new publications")
    subtitle = _(
        "New research reports, working papers and policy briefs from ICLD's Knowledge Centre."
    )

    def link(self):
        return absolute(reverse("knowledge:publications"))

    def feed_url(self):
        return absolute(reverse("knowledge:publication_feed"))

    def items(self):
        return (
            Publication.objects.published()
            .filter(created_at__lte=timezone.now())
            .order_by("-created_at", "-pk")[:30]
        )

    def item_title(self, item):
        return str(item.title)

    def item_description(self, item):
        return str(item.abstract)

    def item_pubdate(self, item):
        return item.created_at

    def item_author_name(self, item):
        return item.author_names or super().item_author_name(item)

    def item_categories(self, item):
        return [str(item.get_type_display())]


class ResearchCallFeed(SiteFeed):
    title = _("ICLD: research calls")
    subtitle = _("New calls for research funding from ICLD's Knowledge Centre.")

    def link(self):
        return absolute(reverse("knowledge:calls"))

    def feed_url(self):
        return absolute(reverse("knowledge:call_feed"))

    def items(self):
        return (
            ResearchCall.objects.published()
            .filter(created_at__lte=timezone.now())
            .order_by("-created_at", "-pk")[:30]
        )

    def item_title(self, item):
        return str(item.title)

    def item_description(self, item):
        deadline = formats.date_format(timezone.localtime(item.closes_at), "DATETIME_FORMAT")
        text = " ".join(strip_tags(str(item.summary or item.description)).split())
        return " – ".join(
            part for part in (gettext("Deadline: %(date)s") % {"date": deadline}, text) if part
        )

    def item_pubdate(self, item):
        return item.created_at
