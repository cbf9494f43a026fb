"""core.publishing: one way to say "published", and each model keeps the default staff know."""

import pytest
from django.apps import apps

from core.publishing import Publishable

# Staff publish these as they save them; partnerships and stories start as drafts.
PUBLISHED_AS_SAVED = {
    "programmes.Programme",
    "knowledge.Publication",
    "knowledge.ResearchCall",
    "knowledge.Event",
    "core.Page",
}
DRAFT_FIRST = {"partnerships.Partnership", "partnerships.Story"}


def test_every_piece_of_public_content_is_publishable_with_its_usual_default():
    publishable = {m._meta.label for m in apps.get_models() if issubclass(m, Publishable)}
    assert publishable == PUBLISHED_AS_SAVED | DRAFT_FIRST
    for label in publishable:
        default = apps.get_model(label)._meta.get_field("is_published").default
        assert default is (label in PUBLISHED_AS_SAVED), label


@pytest.mark.django_db
def test_the_first_publication_time_is_kept_when_a_row_goes_back_to_draft():
    from partnerships.tests import factories

    story = factories.story(partnerships=[factories.partnership()])
    first = story.published_at
    assert story.is_published and first is not None
    story.is_published = False
    story.save()
    story.is_published = True
    story.save()
    story.refresh_from_db()
    assert story.published_at == first
