"""Writes for stories: create or update them, publish and unpublish."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from partnerships.models import Partnership, Story


@transaction.atomic
def story_upsert(
    *, slug: str, partnerships: Iterable[Partnership], publish: bool = False, **fields: Any
) -> Story:
    """Create the story with this slug, or bring it up to date; saves only what changed."""
    story = Story.objects.filter(slug=slug).first()
    if story is None:
        story = Story(slug=slug, **fields)
        story.full_clean()
        story.save()
    else:
        changed = [name for name, value in fields.items() if getattr(story, name) != value]
        if changed:
            for name in changed:
                setattr(story, name, fields[name])
            story.full_clean()
            story.save()
    story.partnerships.set(list(partnerships))
    if publish and not story.is_published:
        story_publish(story=story)
    return story


def story_publish(*, story: Story) -> Story:
    story.is_published = True
    story.save(update_fields=["is_published", "published_at", "updated_at"])
    return story


def story_unpublish(*, story: Story) -> Story:
    story.is_published = False
    story.save(update_fields=["is_published", "updated_at"])
    return story
