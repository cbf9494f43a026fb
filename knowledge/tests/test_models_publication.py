import pytest
from django.core.exceptions import ValidationError

from knowledge.models import Publication

pytestmark = pytest.mark.django_db


def test_a_cover_needs_a_text_alternative_in_each_language_of_the_title():
    from core.models import Image

    image = Image.objects.create(alt_sv="Omslag", width=10, height=10)
    publication = Publication(
        slug="x",
        type="other",
        title_sv="X",
        title_en="X",
        year=2020,
        cover=image,
        document_languages=["sv"],
    )
    with pytest.raises(ValidationError) as error:
        publication.clean()
    assert "cover" in error.value.message_dict
    image.alt_en = "Cover"
    publication.clean()
