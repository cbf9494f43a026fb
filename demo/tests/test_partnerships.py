import io

import pytest

from demo import partnerships as partnerships_demo
from partnerships.models import Partnership, Story

pytestmark = pytest.mark.django_db


def test_demo_content_is_realistic_and_idempotent():
    partnerships_demo.seed(stdout=io.StringIO())
    counts = (Partnership.objects.count(), Story.objects.count())
    stamps = dict(Partnership.objects.values_list("slug", "updated_at"))
    partnerships_demo.seed(stdout=io.StringIO())
    assert (Partnership.objects.count(), Story.objects.count()) == counts
    assert dict(Partnership.objects.values_list("slug", "updated_at")) == stamps
    published = Partnership.objects.published()
    assert published.count() >= 26
    assert published.filter(status="completed").count() >= 5
    assert published.values("country").distinct().count() >= 15
    vara = published.get(slug="vara-huangshan-left-behind-children")
    assert vara.status == "completed" and vara.country_id == "CN"
    assert not vara.country.is_current_partner
    assert vara.stories.get().title_en == "Helping left-behind children"
