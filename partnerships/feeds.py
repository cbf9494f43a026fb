"""An Atom feed of stories per language (/sv/.../berattelser/flode/, /en/.../stories/feed/)."""

from datetime import datetime, time

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.feeds import SiteFeed, absolute
from partnerships.selectors import story_list_public


class StoryFeed(SiteFeed):
    title = _("ICLD: stories from municipal partnerships")
    subtitle = _(
        "What Swedish municipalities and regions and their partners abroad achieve together."
    )

    def link(self):
        return absolute(reverse("partnerships:story_list"))

    def feed_url(self):
        return absolute(reverse("partnerships:story_feed"))

    def items(self):
        # A story dated ahead is not news yet: the feed never announces the future.
        return story_list_public().filter(date__lte=timezone.localdate())[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(12)))

    def item_categories(self, item):
        return [partnership.country.name for partnership in item.partnerships.all()]
