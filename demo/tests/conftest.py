from datetime import datetime

import pytest
from django.utils import timezone, translation


@pytest.fixture(autouse=True)
def _swedish_with_private_media(db, settings, tmp_path):
    """Demo tests write rows and files: the files go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    with translation.override("sv"):
        yield


@pytest.fixture
def demo_today(monkeypatch):
    """The demo's "today" (27 November 2026, noon in Stockholm), which its dates are set around."""
    moment = timezone.make_aware(datetime(2026, 11, 27, 12, 0))
    monkeypatch.setattr(timezone, "now", lambda: moment)
    return moment
