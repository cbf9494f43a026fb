import io

import pytest

from knowledge.demo import seed
from knowledge.models import Event, Publication, Registration, ResearchCall

pytestmark = pytest.mark.django_db


def test_demo_content_loads_and_a_second_run_changes_nothing():
    seed(io.StringIO())
    counts = (
        Publication.objects.count(),
        Event.objects.count(),
        ResearchCall.objects.count(),
        Registration.objects.count(),
    )
    stamps = list(
        Publication.objects.order_by("pk").values_list("updated_at", "file", "author_names")
    )
    seed(io.StringIO())
    assert counts == (
        Publication.objects.count(),
        Event.objects.count(),
        ResearchCall.objects.count(),
        Registration.objects.count(),
    )
    assert stamps == list(
        Publication.objects.order_by("pk").values_list("updated_at", "file", "author_names")
    )
    assert counts[0] >= 10 and all(p.file for p in Publication.objects.all())
    for publication in Publication.objects.all():
        publication.full_clean()
        with publication.file.open("rb") as handle:
            assert handle.read(5) == b"%PDF-"
    for event in Event.objects.all():
        event.full_clean()
