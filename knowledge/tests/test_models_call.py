from datetime import timedelta

import pytest
from django.utils import timezone

from knowledge.models import ResearchCall
from knowledge.tests.factories import make_call

pytestmark = pytest.mark.django_db


def test_call_status_comes_from_the_dates():
    now = timezone.now()
    call = make_call(opens_at=now + timedelta(days=1), closes_at=now + timedelta(days=2))
    assert call.status_at(now) == ResearchCall.Status.UPCOMING
    assert call.status_at(now + timedelta(days=1, hours=1)) == ResearchCall.Status.OPEN
    assert call.status_at(now + timedelta(days=2)) == ResearchCall.Status.CLOSED
