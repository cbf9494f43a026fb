import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _swedish_by_default(db):
    """Tests run in the site's default language unless they choose another."""
    with translation.override("sv"):
        yield
