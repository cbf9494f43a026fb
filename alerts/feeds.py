"""Follow a filtered list without giving an email: an Atom feed for every saved filter and an
iCalendar feed for every event filter. The filter is the list's own query string."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from alerts import kinds
from alerts.views import kind_from_url
from core import ical
from core.feeds import SiteFeed, absolute, conditional

FEED_SIZE = 30


def _title(kind: kinds.ListKind, filters: kinds.Filters) -> str:
    described = "; ".join(f"{label}: {value}" for label, value in kind.describe(filters))
    title = _("ICLD: %(list)s") % {"list": kind.label}
    return f"{title} ({described})" if described else title


class FilteredListFeed(SiteFeed):
    """``/<lang>/alerts/<kind>/feed/?<the list's filter>``: the newest matching items."""

    def __call__(self, request, *args, **kwargs):
        _kind, moved = kind_from_url(request, kwargs["kind"])
        return moved or super().__call__(request, *args, **kwargs)

    def get_object(self, request, kind):
        found = kinds.by_url_slug(kind)
        if found is None:
            raise Http404
        return found, found.from_query(request.GET)

    def title(self, obj):
        return _title(*obj)

    def subtitle(self, obj):
        return _("New items on this list of the ICLD portal, newest first.")

    def link(self, obj):
        kind, filters = obj
        return absolute(kind.list_url(filters.query))

    def items(self, obj):
        kind, filters = obj
        # An item dated ahead (an event announced as added later) is not new yet.
        now = timezone.now()
        return [item for item in kind.items(filters, limit=FEED_SIZE) if item.published <= now]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return " – ".join(part for part in (item.detail, item.summary) if part)

    def item_link(self, item):
        return absolute(item.url)

    def feed_url(self, obj):
        kind, filters = obj
        url = reverse("alerts:atom", kwargs={"kind": kind.key})
        return absolute(f"{url}?{filters.query}" if filters.query else url)

    def item_guid(self, item):
        # A tag URI (RFC 4151) from the item key: an intake and its programme share a page.
        return f"tag:icld.se,2009:{item.key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published


def calendar_feed(request, kind):
    """``/<lang>/alerts/<kind>/calendar.ics?<filter>``: the matching events, for calendar apps."""
    found, moved = kind_from_url(request, kind)
    if moved is not None:
        return moved
    if not found.has_calendar:
        raise Http404
    filters = found.from_query(request.GET)
    text = found.calendar(filters, name=_title(found, filters))
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="icld-{found.key}.ics"'
    response["Cache-Control"] = "public, max-age=900"
    return conditional(request, response, last_modified=ical.newest_change(text))
