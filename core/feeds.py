"""What every Atom feed and calendar of the portal shares: an author (RFC 4287 requires one),
absolute links on ``ICLD_SITE_URL`` like the pages' canonical addresses, entries dated by the
item's own time, and answers to conditional requests (``ETag`` and ``Last-Modified`` from the
newest item, 304 when the reader already has it)."""

from __future__ import annotations

import hashlib
import time
from datetime import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import http_date, parse_http_date_safe

from core.i18n import active_language

AUTHOR = "ICLD"


def absolute(path: str) -> str:
    """The address of a path on this site as every public page names it."""
    return settings.ICLD_SITE_URL + path


def conditional(
    request: HttpRequest, response: HttpResponse, *, last_modified: datetime | None = None
) -> HttpResponse:
    """Give a feed's response an ``ETag`` (its body) and a ``Last-Modified`` (the newest item,
    when known), and answer 304 when the request's validators still match."""
    if response.status_code != 200:
        return response
    etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
    response.headers["ETag"] = etag
    if last_modified is not None:
        response.headers["Last-Modified"] = http_date(last_modified.timestamp())
    stamp = parse_http_date_safe(response.headers.get("Last-Modified", ""))
    now = int(time.time())
    if stamp is not None and stamp > now:
        # An item dated ahead (an event announced early) never dates the response ahead.
        stamp = now
        response.headers["Last-Modified"] = http_date(now)
    return get_conditional_response(request, etag=etag, last_modified=stamp, response=response)


class SiteAtomFeed(Atom1Feed):
    def latest_post_date(self):
        """The newest entry's time; an empty feed is dated at the start of the day, so its
        ETag holds through the day instead of changing with every request."""
        if any(item.get("updateddate") or item.get("pubdate") for item in self.items):
            return super().latest_post_date()
        return timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)


class SiteFeed(Feed):
    """An Atom feed of the portal. Subclasses give ``link`` and ``feed_url`` as absolute
    addresses (``absolute(reverse(...))``) and date entries with ``item_pubdate``; an entry's
    ``updated`` is the same time unless the subclass knows a later one of the item's own."""

    feed_type = SiteAtomFeed
    author_name = AUTHOR

    def author_link(self):
        return absolute("/")

    @property
    def language(self):
        return active_language()

    def item_link(self, item):
        return absolute(item.get_absolute_url())

    def item_author_name(self, item):
        return AUTHOR

    def item_updateddate(self, item):
        return self.item_pubdate(item)

    def __call__(self, request, *args, **kwargs):
        return conditional(request, super().__call__(request, *args, **kwargs))
