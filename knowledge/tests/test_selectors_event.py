from datetime import timedelta

import pytest
from django.utils import timezone

from knowledge import selectors
from knowledge.tests.factories import make_event, make_past_event

pytestmark = pytest.mark.django_db


def test_upcoming_events_are_soonest_first_and_limited():
    later = make_event(
        starts_at=timezone.now() + timedelta(days=20),
        ends_at=timezone.now() + timedelta(days=20, hours=1),
    )
    sooner = make_event()
    make_event(is_published=False)
    make_past_event()
    assert list(selectors.upcoming_events(limit=3)) == [sooner, later]
    assert list(selectors.upcoming_events(limit=1)) == [sooner]
