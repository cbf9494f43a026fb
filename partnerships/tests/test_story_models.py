"""Stories: what a story needs before it can be saved, and when it was first published."""

import pytest
from django.core.exceptions import ValidationError

from core.models import Image
from partnerships import services
from partnerships.models import Story
from partnerships.tests import factories


def test_a_story_image_needs_alt_text_in_both_languages():
    story = factories.story(partnerships=[factories.partnership()])
    story.lead_image = Image.objects.create(file="images/x.jpg", alt_sv="Barn i en skola")
    with pytest.raises(ValidationError):
        story.full_clean()
    story.lead_image.alt_en = "Children at a school"
    story.full_clean()


def test_a_story_records_when_it_was_first_published_and_keeps_it():
    story = factories.story(partnerships=[factories.partnership()], publish=False)
    assert not story.is_published and story.published_at is None
    services.story_publish(story=story)
    first = Story.objects.get(pk=story.pk).published_at
    assert first is not None
    services.story_unpublish(story=story)
    assert Story.objects.get(pk=story.pk).published_at == first
    services.story_publish(story=story)
    assert Story.objects.get(pk=story.pk).published_at == first
    assert list(Story.objects.published()) == [story]
