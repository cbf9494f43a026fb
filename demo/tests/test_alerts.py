import io

import pytest

from alerts.models import Subscription
from demo import alerts as alerts_demo

pytestmark = pytest.mark.django_db


def test_the_demo_alerts_are_seeded_once():
    alerts_demo.seed(io.StringIO())
    first = list(Subscription.objects.values_list("pk", "kind", "query", "confirmed_at"))
    alerts_demo.seed(io.StringIO())
    assert list(Subscription.objects.values_list("pk", "kind", "query", "confirmed_at")) == first
    assert len(first) == 3
    assert {kind for _pk, kind, _q, _c in first} == {"calls", "events", "partnerships"}
