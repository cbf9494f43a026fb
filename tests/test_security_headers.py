"""Security headers on pages and errors; no inline script or style anywhere."""

import re

import pytest

pytestmark = pytest.mark.django_db


def assert_secure_headers(response):
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "unsafe" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "Permissions-Policy" in response.headers


def test_form_responses_carry_the_headers_too(client, settings):
    from core.tests.test_accessibility import form_data

    settings.ICLD_FORM_RATE_LIMIT = 1
    page = client.get("/en/accessibility/report/")
    assert_secure_headers(page)
    invalid = client.post("/en/accessibility/report/", {"description": ""})
    assert invalid.status_code == 200
    assert_secure_headers(invalid)
    assert client.post("/en/accessibility/report/", form_data()).status_code == 302
    limited = client.post("/en/accessibility/report/", form_data())
    assert limited.status_code == 429
    assert_secure_headers(limited)


def test_cookies_are_http_only_and_same_site(client, settings):
    response = client.get("/en/accessibility/report/")
    cookie = response.cookies[settings.CSRF_COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


@pytest.mark.parametrize("path", ["/sv/", "/en/privacy/", "/en/no-such-page/"])
def test_responses_carry_a_strict_content_security_policy(client, path):
    response = client.get(path)
    assert_secure_headers(response)
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]


@pytest.mark.parametrize(
    "path", ["/sv/", "/en/", "/sv/personuppgifter/", "/en/organisations/vara/"]
)
def test_pages_have_no_inline_script_or_style(client, path):
    html = client.get(path).content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", html)
    assert "<style" not in html
    assert " style=" not in html
    assert not re.search(r"\son[a-z]+=", html)
