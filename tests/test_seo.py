"""sitemap.xml with both languages as alternates, robots.txt and security.txt."""

import re
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_sitemap_lists_each_page_in_both_languages_with_alternates(client, settings):
    settings.ICLD_SITE_URL = "http://testserver"
    response = client.get("/sitemap.xml")
    xml = response.content.decode()
    assert response.status_code == 200
    assert "<loc>http://testserver/sv/organisationer/vara/</loc>" in xml
    assert "<loc>http://testserver/en/organisations/vara/</loc>" in xml
    assert 'hreflang="en" href="http://testserver/en/organisations/vara/"' in xml
    assert 'hreflang="x-default"' in xml
    assert "<loc>http://testserver/sv/personuppgifter/</loc>" in xml
    assert "<loc>http://testserver/en/accessibility/</loc>" in xml
    assert "/admin/" not in xml


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_admin(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert re.search(r"^Sitemap: https?://\S+/sitemap.xml$", text, re.MULTILINE)


def test_security_txt_follows_rfc_9116(client):
    response = client.get("/.well-known/security.txt")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Contact: mailto:" in text
    expires = datetime.fromisoformat(re.search(r"^Expires: (.+)$", text, re.MULTILINE).group(1))
    assert timezone.now() < expires < timezone.now() + timedelta(days=365)


def test_a_lists_later_pages_are_canonical_to_themselves(client, settings):
    from partnerships.tests import factories

    settings.ICLD_SITE_URL = "https://icld.se"
    for number in range(25):
        factories.partnership(title_sv=f"Partnerskap {number}")
    base = "/sv/kommunala-partnerskap/partnerskap/"
    second = client.get(base + "?page=2&sort=newest").text
    assert f'<link rel="canonical" href="https://icld.se{base}?page=2">' in second
    assert (
        'hreflang="en" href="https://icld.se/en/municipal-partnerships/partnerships/?page=2"'
        in (second)
    )
    first = client.get(base + "?page=1").text
    assert f'<link rel="canonical" href="https://icld.se{base}">' in first


def test_security_txt_names_no_policy_it_does_not_have(client):
    assert "Policy:" not in client.get("/.well-known/security.txt").text
