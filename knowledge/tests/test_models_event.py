from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from knowledge.models import Event
from knowledge.tests.factories import make_event

pytestmark = pytest.mark.django_db


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
