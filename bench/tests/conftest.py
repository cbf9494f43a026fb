import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _swedish_in_a_database(db):
    """Every data-set test writes rows; searches run in the site's default language."""
    with translation.override("sv"):
        yield
