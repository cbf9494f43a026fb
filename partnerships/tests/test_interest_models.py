"""A registration's history is stored without words and read in the reader's language."""

from django.contrib.auth import get_user_model
from django.utils import translation

from partnerships import services
from partnerships.tests import factories


def test_history_rows_name_fields_and_choices_in_the_readers_language():
    user = get_user_model().objects.create_user("bo", is_staff=True)
    registration = factories.registration()
    seeker = factories.seeker()
    services.match_record(registration=registration, seeker=seeker, user=user)
    changed = registration.events.get(event="changed")
    matched = registration.events.get(event="matched")
    assert changed.changes == {"status": ["new", "matched"]}
    assert matched.by == user
    with translation.override("en"):
        assert changed.change_rows() == [("status", "New", "Matched")]
        assert matched.change_rows() == [("match", "–", seeker.slug)]
        assert str(matched) == "Match recorded"
    with translation.override("sv"):
        assert changed.change_rows() == [("status", "Ny", "Matchad")]
        assert matched.change_rows() == [("matchning", "–", seeker.slug)]
