"""Every page stays light: at most 60 KB of compressed CSS and JS, all served by the portal."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

BUDGET = 60 * 1024
PAGES = [
    "/sv/",
    "/en/",
    "/sv/kommunala-partnerskap/",
    "/en/training-programmes/",
    "/en/knowledge-centre/",
    "/sv/personuppgifter/",
]


@pytest.mark.parametrize("path", PAGES)
def test_css_and_js_per_page_fit_the_budget_and_come_from_us(client, path):
    html = client.get(path).content.decode()
    assets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assets += re.findall(r'<script[^>]+src="([^"]+)"', html)
    assert assets
    total = 0
    for url in assets:
        assert url.startswith("/static/"), f"{url} is not served by the portal"
        path_on_disk = finders.find(url.removeprefix("/static/"))
        assert path_on_disk, url
        with open(path_on_disk, "rb") as handle:
            total += len(gzip.compress(handle.read()))
    assert total <= BUDGET, f"{path}: {total} bytes of compressed CSS and JS"


@pytest.mark.parametrize("path", PAGES)
def test_pages_make_no_external_requests(client, path):
    html = client.get(path).content.decode()
    for attribute in re.findall(r'(?:src|href)="(https?://[^"]+)"', html):
        # Links to other sites are fine; loading resources from them is not.
        assert not re.search(
            rf'<(?:script|img|link rel="stylesheet")[^>]+"{re.escape(attribute)}"', html
        )
