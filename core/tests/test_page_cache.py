"""The public page cache: the same page for everyone, fresh after any change, never personal."""

import pytest
from django.core.cache import cache

from core.models import AccessibilityReport, Page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.ICLD_PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def test_a_public_page_is_served_from_the_cache_the_second_time(client):
    first = client.get("/en/about/")
    second = client.get("/en/about/")
    assert "X-Page-Cache" not in first
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Content-Security-Policy" in second  # headers are added on every response


def test_any_change_to_content_shows_at_once(client):
    client.get("/en/about/")
    page = Page.objects.get(key="about")
    page.lead_en = "Freshly edited by staff"
    page.save()
    response = client.get("/en/about/")
    assert "X-Page-Cache" not in response
    assert "Freshly edited by staff" in response.content.decode()


def test_each_language_and_query_is_its_own_page(client):
    client.get("/en/about/")
    assert "X-Page-Cache" not in client.get("/sv/om-icld/")
    assert "X-Page-Cache" not in client.get("/en/about/?a=1")


def test_pages_with_forms_are_never_cached(client):
    client.get("/en/accessibility/report/")
    response = client.get("/en/accessibility/report/")
    assert "X-Page-Cache" not in response
    # With a CSRF cookie already set the page sets none, but it still holds a token.
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "X-Page-Cache" not in client.get("/en/accessibility/report/")


def test_visitors_with_a_session_always_get_a_fresh_page(client, admin_user):
    client.get("/en/about/")
    client.force_login(admin_user)
    assert "X-Page-Cache" not in client.get("/en/about/")


def test_not_found_pages_are_not_cached(client):
    client.get("/en/nothing-here/")
    assert "X-Page-Cache" not in client.get("/en/nothing-here/")


def test_long_addresses_are_cached_too(client):
    path = "/en/search/?q=" + "democracy+" * 60
    assert client.get(path).status_code == 200
    assert client.get(path)["X-Page-Cache"] == "hit"


def test_a_submission_only_staff_see_keeps_the_cached_pages(client):
    import uuid

    client.get("/en/about/")
    response = client.post(
        "/en/accessibility/report/",
        {
            "kind": "barrier",
            "description": "The map cannot be used with a keyboard.",
            "email": "anna@example.se",
            "consent": "on",
            "submission_token": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 302
    report = AccessibilityReport.objects.get()
    report.status = AccessibilityReport.Status.IN_PROGRESS  # staff at work in admin
    report.save()
    # A flood of reports, or staff handling them, must not empty the cache.
    assert client.get("/en/about/")["X-Page-Cache"] == "hit"
