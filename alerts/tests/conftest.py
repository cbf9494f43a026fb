import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _alerts_settings(settings):
    settings.ICLD_SITE_URL = "https://portal.example"
    translation.activate("sv")
    yield
    translation.deactivate()
