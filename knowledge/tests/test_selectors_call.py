from datetime import timedelta

import pytest
from django.utils import timezone

from knowledge import selectors
from knowledge.tests.factories import make_call

pytestmark = pytest.mark.django_db


def test_open_research_calls_only():
    open_call = make_call()
    make_call(
        opens_at=timezone.now() + timedelta(days=3), closes_at=timezone.now() + timedelta(days=9)
    )
    make_call(
        opens_at=timezone.now() - timedelta(days=9), closes_at=timezone.now() - timedelta(days=3)
    )
    assert list(selectors.open_research_calls()) == [open_call]
    assert open_call.status == "open"
