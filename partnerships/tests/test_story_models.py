"""Stories: what a story needs before it can be saved."""

import pytest
from django.core.exceptions import ValidationError

from partnerships.tests import factories


def test_a_story_image_needs_alt_text_in_both_languages():
    story = factories.story(partnerships=[factories.partnership()])
    story.image = "partnerships/stories/photo.jpg"
    story.image_alt_sv = "Barn i en skola"
    with pytest.raises(ValidationError):
        story.full_clean()
    story.image_alt_en = "Children at a school"
    story.full_clean()
