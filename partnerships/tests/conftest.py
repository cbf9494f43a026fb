from datetime import date

import pytest
from django.core.cache import cache
from django.utils import translation

from partnerships.tests import factories


@pytest.fixture(autouse=True)
def _swedish_by_default(db):
    """Tests run in the site's default language unless they choose another."""
    with translation.override("sv"):
        yield


@pytest.fixture(autouse=True)
def _clear_cache(db):
    """Rate limits and other cached values never carry over from one test to the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def content():
    """The Vara–Huangshan partnership, its partner abroad and its story."""
    return factories.vara_huangshan()


@pytest.fixture
def application_rounds():
    """Spring and autumn 2026 and spring 2027, as in the demo."""
    return [
        factories.round_(date(2026, 2, 15), date(2026, 3, 15), "Våren 2026"),
        factories.round_(date(2026, 9, 15), date(2026, 10, 15), "Hösten 2026"),
        factories.round_(date(2027, 2, 15), date(2027, 3, 15), "Våren 2027"),
    ]
