"""Reads for stories: published only, with their published partnerships.

Other apps call ``latest_stories(*, limit=3)`` (the home page).
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from partnerships.models import Partnership, Story
from partnerships.selectors.partnership import _for_cards


def latest_stories(*, limit: int = 3) -> QuerySet[Story]:
    """The newest published stories, with their published partnerships."""
    return story_list_public()[:limit]


def story_list_public() -> QuerySet[Story]:
    return (
        Story.objects.published()
        .select_related("lead_image")
        .prefetch_related(
            Prefetch(
                "partnerships",
                queryset=Partnership.objects.published()
                .select_related("country")
                .order_by("title_sv", "pk"),
            )
        )
        .order_by("-date", "-pk")
    )


def story_get_public(slug: str, *, include_drafts: bool = False) -> Story | None:
    queryset = Story.objects.all() if include_drafts else Story.objects.published()
    return (
        queryset.select_related("lead_image")
        .prefetch_related(
            Prefetch(
                "partnerships",
                queryset=_for_cards(Partnership.objects.published().order_by("title_sv", "pk")),
            )
        )
        .filter(slug=slug)
        .first()
    )
