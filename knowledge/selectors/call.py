"""Reads of research calls."""

from __future__ import annotations

from django.db.models import F, QuerySet
from django.utils import timezone

from core import search
from knowledge.models import ResearchCall


def open_research_calls() -> QuerySet[ResearchCall]:
    """Calls open for applications now, closing soonest first."""
    return ResearchCall.objects.open().order_by("closes_at", "pk")


def research_calls_for_list() -> dict[str, list[ResearchCall]]:
    now = timezone.now()
    calls = list(ResearchCall.objects.published().order_by("closes_at", "pk"))
    return {
        "open": [c for c in calls if c.status_at(now) == ResearchCall.Status.OPEN],
        "upcoming": [c for c in calls if c.status_at(now) == ResearchCall.Status.UPCOMING],
        "closed": sorted(
            (c for c in calls if c.status_at(now) == ResearchCall.Status.CLOSED),
            key=lambda c: c.closes_at,
            reverse=True,
        ),
    }


def research_calls_search(text: str) -> list[ResearchCall]:
    """Published calls matching a visitor's search, best match first (open ones before closed
    ones of the same relevance)."""
    found = search.ranked(ResearchCall.objects.published().defer("search_vector"), text)
    return list(found.queryset.order_by(F("rank").desc(), "-closes_at", "pk"))


def research_call_get_for_detail(slug: str, *, include_drafts: bool = False) -> ResearchCall | None:
    calls = ResearchCall.objects.all() if include_drafts else ResearchCall.objects.published()
    return calls.filter(slug=slug).prefetch_related("documents", "themes").first()
