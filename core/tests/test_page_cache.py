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
    path = "/en/municipal-partnerships/partnerships/?" + "&".join(
        f"theme=theme-{number}" for number in range(60)
    )
    assert client.get(path).status_code == 200
    assert client.get(path)["X-Page-Cache"] == "hit"


SEARCH_PAGES = [
    "/en/search/",
    "/sv/sok/",
    "/en/municipal-partnerships/partnerships/",
    "/en/municipal-partnerships/partner-seekers/",
    "/sv/kunskapscentrum/publikationer/",
    "/sv/kunskapscentrum/evenemang/",
    "/en/knowledge-centre/research-calls/",
    "/sv/utbildningsprogram/",
]


@pytest.mark.parametrize("path", SEARCH_PAGES)
def test_a_search_many_visitors_make_is_served_from_the_cache(client, path):
    first = client.get(f"{path}?q=democracy")
    assert first.status_code == 200
    second = client.get(f"{path}?q=democracy")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_a_search_shows_new_content_at_once(client):
    client.get("/en/search/?q=transparency")
    Page.objects.create(
        slug="transparency",
        title_sv="Öppenhet i kommunen",
        title_en="Transparency in local government",
        body_sv="<p>Text</p>",
    )
    response = client.get("/en/search/?q=transparency")
    assert "X-Page-Cache" not in response
    assert "Transparency in local government" in response.content.decode()


def test_invented_search_texts_use_up_their_own_budget_only(client, settings):
    settings.ICLD_PAGE_CACHE_SEARCHES = 2
    settings.ICLD_PAGE_CACHE_VARIANTS = 2
    path = "/en/municipal-partnerships/partnerships/"
    for word in ("water", "school", "youth", "climate"):
        client.get(f"{path}?q={word}")
    hits = [
        client.get(f"{path}?q={word}").get("X-Page-Cache")
        for word in ("water", "school", "youth", "climate")
    ]
    assert hits == ["hit", "hit", None, None]
    # The list's own filter links are still kept.
    client.get(f"{path}?page=2")
    assert client.get(f"{path}?page=2")["X-Page-Cache"] == "hit"


@pytest.mark.parametrize("query", ["q=water&q=school", "q=" + "w" * 201, "q=", "q=water&x=1"])
def test_search_addresses_no_search_box_sends_are_not_stored(client, query):
    path = f"/en/search/?{query}"
    client.get(path)
    assert "X-Page-Cache" not in client.get(path)


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


def test_each_host_and_scheme_is_its_own_page(client, settings):
    settings.ALLOWED_HOSTS = ["portal.example", "other.example"]
    client.get("/sitemap.xml", HTTP_HOST="portal.example")
    assert client.get("/sitemap.xml", HTTP_HOST="portal.example")["X-Page-Cache"] == "hit"
    other = client.get("/sitemap.xml", HTTP_HOST="other.example")
    assert "X-Page-Cache" not in other
    assert "portal.example" not in other.content.decode()
    assert "X-Page-Cache" not in client.get("/sitemap.xml", HTTP_HOST="portal.example", secure=True)


def test_x_forwarded_proto_is_ignored_without_a_trusted_proxy(client):
    response = client.get("/en/about/", HTTP_X_FORWARDED_PROTO="https")
    assert response.wsgi_request.scheme == "http"


def test_invented_query_strings_are_answered_but_never_stored(client):
    for number in range(50):
        client.get(f"/sitemap.xml?x={number}")
        client.get(f"/en/about/?q=word{number}")
    assert "X-Page-Cache" not in client.get("/sitemap.xml?x=1")
    assert "X-Page-Cache" not in client.get("/en/about/?q=word1")
    assert not [key for key in _page_keys() if key]  # nothing was stored for them


def test_filtered_lists_are_kept_up_to_a_limit_per_page(client, settings):
    settings.ICLD_PAGE_CACHE_VARIANTS = 3
    for page in range(1, 6):
        client.get(f"/en/municipal-partnerships/partnerships/?page={page}")
    hits = [
        client.get(f"/en/municipal-partnerships/partnerships/?page={page}").get("X-Page-Cache")
        for page in range(1, 6)
    ]
    assert hits == ["hit", "hit", "hit", None, None]
    # The page without a query string is always kept.
    client.get("/en/municipal-partnerships/partnerships/")
    assert client.get("/en/municipal-partnerships/partnerships/")["X-Page-Cache"] == "hit"


def _page_keys() -> list[str]:
    from django.db import connection

    table = "icld_cache"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key FROM {table} WHERE cache_key LIKE %s", ["%page:%"])
        return [row[0] for row in cursor.fetchall()]
