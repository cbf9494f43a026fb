import io

import pytest

from bench.datasets import knowledge as dataset
from knowledge.models import Event, Publication, Registration

pytestmark = pytest.mark.django_db


def test_bench_data_tops_up_to_the_scale_and_is_searchable(monkeypatch):
    monkeypatch.setattr(dataset, "FULL", {"publications": 300, "events": 20, "registrations": 100})
    monkeypatch.setattr(dataset, "PEOPLE", 30)
    dataset.generate(scale=0.5, stdout=io.StringIO())
    assert Publication.objects.count() == 150 and Event.objects.count() == 10
    dataset.generate(scale=1.0, stdout=io.StringIO())
    assert dataset.counts() == {"publications": 300, "events": 20, "event registrations": 100}
    assert not Publication.objects.filter(author_names="").exists()
    assert Registration.objects.filter(status="waiting").exists()
    results, facets = dataset.search("participatory budgeting")
    assert results and all("budget" in p.title_en.lower() for p in results)
    assert facets["type"]
