"""An Atom feed of stories per language (/sv/.../berattelser/flode/, /en/.../stories/feed/)."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from core.i18n import active_language
from partnerships.selectors import story_list_public


class StoryFeed(Feed):
    feed_type = Atom1Feed
    title = _("ICLD: stories from municipal partnerships")
    subtitle = _(
        "What Swedish municipalities and regions and their partners abroad achieve together."
    )

    def link(self):
        return reverse("partnerships:story_list")

    def feed_url(self):
        return reverse("partnerships:story_feed")

    @property
    def language(self):
        return active_language()

    def items(self):
        return story_list_public()[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(12)))

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [partnership.country.name for partnership in item.partnerships.all()]
