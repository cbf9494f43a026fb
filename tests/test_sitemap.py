"""sitemap.xml names every page by its canonical address, and every address it names answers."""

import re
import xml.etree.ElementTree as ET

import pytest

from knowledge.tests.factories import make_call, make_event, make_publication
from partnerships.tests import factories as partnership_factories
from programmes.tests.conftest import make_programme

pytestmark = pytest.mark.django_db

SITE = "https://portal.example"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')


@pytest.fixture(autouse=True)
def _site(settings):
    settings.ICLD_SITE_URL = SITE


def _path(url: str) -> str:
    assert url.startswith(SITE + "/"), url
    return url.removeprefix(SITE)


def test_every_sitemap_address_and_x_default_answers_and_is_the_pages_canonical(client):
    make_publication()
    make_call()
    make_event()
    partnership_factories.story(partnerships=[partnership_factories.partnership()])
    make_programme()
    sitemap = ET.fromstring(client.get("/sitemap.xml").content)
    entries = sitemap.findall(SITEMAP + "url")
    assert len(entries) > 50
    kinds = set()
    for entry in entries:
        loc = entry.findtext(SITEMAP + "loc")
        response = client.get(_path(loc))
        assert response.status_code == 200, loc
        assert CANONICAL.search(response.content.decode()).group(1) == loc
        kinds.add(_path(loc).split("/")[2] if _path(loc).count("/") > 2 else "")
        alternates = {
            link.get("hreflang"): link.get("href") for link in entry.findall(XHTML + "link")
        }
        assert set(alternates) == {"sv", "en", "x-default"}, loc
        assert alternates["x-default"] == alternates["sv"]
        assert loc in alternates.values()
        for href in alternates.values():
            assert _path(href).startswith(("/sv/", "/en/")), href
    assert len(kinds) > 5
