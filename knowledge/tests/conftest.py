"""Fixtures and helpers for the knowledge tests (factories are in ``factories.py``)."""

import pytest
from django.urls import reverse
from django.utils import translation


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(f"knowledge:{name}", kwargs=kwargs)


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.ICLD_SITE_URL = "https://portal.example"
