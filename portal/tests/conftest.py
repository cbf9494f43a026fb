import pytest
from django.utils import translation

from partnerships.tests import factories


@pytest.fixture(autouse=True)
def _swedish_by_default(db):
    """Tests run in the site's default language unless they choose another."""
    with translation.override("sv"):
        yield


@pytest.fixture
def content():
    """The Vara–Huangshan partnership (China), its partner abroad and its story."""
    return factories.vara_huangshan()
