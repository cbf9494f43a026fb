from datetime import timedelta

import pytest
from django.utils import timezone

from knowledge.tests.conftest import url
from knowledge.tests.factories import make_call

pytestmark = pytest.mark.django_db


def test_research_call_status_and_documents(client):
    call = make_call(
        title_en="Closed one",
        opens_at=timezone.now() - timedelta(days=60),
        closes_at=timezone.now() - timedelta(days=1),
    )
    text = client.get(url("call", slug=call.slug)).text
    assert "This call has closed" in text
    assert client.get(url("call_document", slug=call.slug, pk=999)).status_code == 404
