import io

import pytest

from bench.datasets import programmes as dataset
from programmes.models import HostingOffer, Programme, ScheduledVisit

pytestmark = pytest.mark.django_db


def test_bench_data_tops_up_without_double_booking(monkeypatch):
    monkeypatch.setattr(
        dataset, "FULL", {"programmes": 4, "hosting_offers": 40, "scheduled_visits": 700}
    )
    dataset.generate(scale=0.5, stdout=io.StringIO())
    assert Programme.objects.count() == 2
    assert HostingOffer.objects.count() == 20
    dataset.generate(scale=1.0, stdout=io.StringIO())  # tops up: only the difference is added
    assert Programme.objects.count() == 4
    assert HostingOffer.objects.count() == 40
    assert ScheduledVisit.objects.count() == 700  # more visits than hosts: still no overlap
    assert dataset.counts()["scheduled_visits"] == 700
