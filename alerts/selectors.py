"""Reads of the alerts app."""

from __future__ import annotations

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse

from alerts import kinds, tokens
from alerts.models import Subscription, normalize_email


def subscriptions_for_email(email: str) -> QuerySet[Subscription]:
    """Every alert of an address, confirmed or not, in a stable order (one query)."""
    return Subscription.objects.filter(email=normalize_email(email)).order_by("created_at", "pk")


def subscription_from_confirm_token(token: str) -> Subscription | None:
    """The alert a confirm link names, or None for a forged, expired or spent link."""
    data = tokens.read_confirm_token(token)
    if data is None:
        return None
    pk, token_part = data
    subscription = Subscription.objects.filter(pk=pk).first()
    if subscription is None or subscription.submission_token.hex[:12] != token_part:
        return None
    return subscription


def subscriptions_from_unsubscribe_token(token: str) -> tuple[str, list[Subscription]] | None:
    """(address, its alerts the link names that still exist), or None for a forged link.

    A signed link names alerts; a short link (the List-Unsubscribe header) is an address's
    random key and names all its alerts. A key nobody has any more gives ("", []).
    """
    if tokens.is_unsubscribe_key(token):
        found = list(Subscription.objects.filter(unsubscribe_key=token).order_by("pk"))
        return (found[0].email if found else ""), found
    data = tokens.read_unsubscribe_token(token)
    if data is None:
        return None
    email, ids = data
    return email, list(subscriptions_for_email(email).filter(pk__in=ids))


def feed_urls(kind_key: str, query: str) -> dict[str, str]:
    """Paths of the Atom feed (every kind) and the iCalendar feed (events) of a filter."""
    kind = kinds.get(kind_key)
    if kind is None:
        return {}
    suffix = f"?{query}" if query else ""
    urls = {"atom": reverse("alerts:atom", kwargs={"kind": kind.key}) + suffix}
    if kind.has_calendar:
        urls["ical"] = reverse("alerts:ical", kwargs={"kind": kind.key}) + suffix
    return urls


def describe(subscription: Subscription) -> dict:
    """What a page or an email shows about an alert, in the active language."""
    kind = kinds.get(subscription.kind)
    if kind is None:
        return {"label": subscription.kind, "filters": [], "list_url": ""}
    filters = kind.from_query(subscription.query)
    return {
        "label": str(kind.label),
        "filters": kind.describe(filters),
        "list_url": settings.ICLD_SITE_URL + kind.list_url(filters.query),
    }
