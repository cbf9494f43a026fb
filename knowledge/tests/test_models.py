from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from knowledge.models import Event, Publication, Registration, ResearchCall
from knowledge.tests.factories import make_call, make_event

pytestmark = pytest.mark.django_db


def test_call_status_comes_from_the_dates():
    now = timezone.now()
    call = make_call(opens_at=now + timedelta(days=1), closes_at=now + timedelta(days=2))
    assert call.status_at(now) == ResearchCall.Status.UPCOMING
    assert call.status_at(now + timedelta(days=1, hours=1)) == ResearchCall.Status.OPEN
    assert call.status_at(now + timedelta(days=2)) == ResearchCall.Status.CLOSED


def test_registration_closes_at_the_earlier_of_deadline_and_start():
    event = make_event()
    assert event.registration_closes_at() == event.starts_at
    event.registration_deadline = event.starts_at - timedelta(days=1)
    assert event.registration_closes_at() == event.registration_deadline
    assert not event.registration_is_open(now=event.registration_deadline)


def test_event_needs_a_place_or_a_link_and_sane_dates():
    event = Event(
        slug="x",
        kind="seminar",
        title_sv="X",
        starts_at=timezone.now(),
        ends_at=timezone.now() - timedelta(hours=1),
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert {"ends_at", "venue_sv"} <= set(error.value.message_dict)


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


def test_a_known_swedish_string_is_translated():
    with translation.override("sv"):
        assert translation.gettext("Research library") == "Forskningsbibliotek"
        assert translation.pgettext("publication type", "Other") == "Övrigt"


def test_words_shared_with_other_apps_keep_the_knowledge_centres_meaning():
    from knowledge.models import Publication

    with translation.override("sv"):
        assert str(Publication._meta.verbose_name) == "publikation"
        assert str(Registration.Status.CANCELLED.label) == "Avbokad"
        assert str(ResearchCall.Status.CLOSED.label) == "Stängd"
