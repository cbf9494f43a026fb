"""``follow``: what the "Follow this list" box needs, on every list page an alert can follow.

No database query: the query string is passed on as the list has it; the subscribe page and
the feeds read it with the list's own parser.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse

from alerts import kinds

MAX_QUERY_LENGTH = kinds.MAX_QUERY_LENGTH


def follow(request) -> dict:
    match = getattr(request, "resolver_match", None)
    kind = kinds.by_url_name(match.view_name) if match else None
    if kind is None:
        return {}
    pairs = [
        (name, value)
        for name, values in request.GET.lists()
        if name not in kinds.PRESENTATION_PARAMS
        for value in values
        if value
    ]
    query = urlencode(pairs)[:MAX_QUERY_LENGTH]
    suffix = f"?{query}" if query else ""
    urls = {
        "subscribe_url": reverse("alerts:subscribe", kwargs={"kind": kind.key}) + suffix,
        "atom_url": reverse("alerts:atom", kwargs={"kind": kind.key}) + suffix,
        "ical_url": (
            reverse("alerts:ical", kwargs={"kind": kind.key}) + suffix if kind.has_calendar else ""
        ),
    }
    return {"follow": {"kind": kind, "query": query, "filtered": bool(query), **urls}}
