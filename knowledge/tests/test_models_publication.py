import pytest
from django.core.exceptions import ValidationError

from knowledge.models import Publication

pytestmark = pytest.mark.django_db


def test_a_cover_needs_a_text_alternative():
    publication = Publication(
        slug="x",
        type="other",
        title_sv="X",
        year=2020,
        cover_image="c.png",
        document_languages=["sv"],
    )
    with pytest.raises(ValidationError) as error:
        publication.clean()
    assert "cover_alt_sv" in error.value.message_dict
