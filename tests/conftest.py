import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _reset_language():
    """Each test starts in the default language, whatever the previous one activated."""
    translation.activate("sv")
    yield
    translation.deactivate()
