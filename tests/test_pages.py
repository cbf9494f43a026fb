"""What every visitor sees first: languages, layout, content pages, errors and the health check."""

import pytest
from django.db import connection
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_root_redirects_by_the_browsers_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").url == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="sv-SE,sv;q=0.9").url == "/sv/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr").url == "/sv/"


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("/sv/", "sv", "Lokal demokrati som vi bygger tillsammans"),
        ("/en/", "en", "Local democracy, built together"),
    ],
)
def test_home_page_is_in_the_language_of_its_url(client, path, lang, heading):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    assert heading in html


def test_every_page_links_both_languages_and_its_canonical_url(client):
    html = client.get("/sv/organisationer/vara/").content.decode()
    assert '<link rel="canonical" href="http://127.0.0.1:8000/sv/organisationer/vara/">' in html
    assert 'hreflang="en" href="http://127.0.0.1:8000/en/organisations/vara/"' in html
    assert 'hreflang="sv" href="http://127.0.0.1:8000/sv/organisationer/vara/"' in html


def test_language_switcher_points_to_the_same_nested_page_with_its_query(client):
    html = client.get("/en/organisations/vara/?a=1").content.decode()
    assert 'href="/sv/organisationer/vara/?a=1" hreflang="sv"' in html


def test_layout_has_skip_link_landmarks_and_footer_links(client):
    html = client.get("/en/").content.decode()
    assert 'href="#main"' in html and '<main id="main"' in html
    assert 'aria-label="Main menu"' in html
    assert 'href="/en/accessibility/"' in html and 'href="/en/privacy/"' in html


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/sv/personuppgifter/", "Dina rättigheter"),
        ("/en/privacy/", "Your rights"),
        ("/sv/tillganglighet/", "Tillsyn"),
        ("/en/accessibility/", "Supervision"),
        ("/sv/om-icld/", "Våra kärnområden"),
        ("/en/contact/", "partnership@icld.se"),
    ],
)
def test_content_pages_exist_in_both_languages(client, path, text):
    response = client.get(path)
    assert response.status_code == 200
    assert text in response.content.decode()


def test_legal_page_missing_a_translation_says_so_instead_of_borrowing(client):
    from core.models import Page

    Page.objects.filter(key="privacy").update(body_en="")
    html = client.get("/en/privacy/").content.decode()
    assert "has not yet been published in this language" in html
    assert "Dina rättigheter" not in html
    assert 'href="/sv/personuppgifter/"' in html


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/sv/finns-inte/", "Sidan finns inte"),
        ("/en/does-not-exist/", "Page not found"),
    ],
)
def test_not_found_page_is_in_the_language_of_the_url(client, path, text):
    response = client.get(path)
    assert response.status_code == 404
    assert text in response.content.decode()


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/sv/boom/", "Något gick fel"),
        ("/en/boom/", "Something went wrong"),
    ],
)
def test_server_error_page_is_bilingual(rf, path, text):
    from core.views import server_error

    response = server_error(rf.get(path))
    assert response.status_code == 500
    assert text in response.content.decode()


def test_health_check_reports_a_working_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_health_check_reports_a_broken_database(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise connection.Database.OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable", "cache": "ok"}
    assert "refused" not in response.text  # the error is logged, not shown


@override_settings(SECURE_SSL_REDIRECT=True)
def test_health_check_answers_plain_http_behind_the_proxy(client):
    assert client.get("/healthz").status_code == 200
    assert client.get("/en/").status_code == 301


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/sv/x/", "Tjänsten är tillfälligt otillgänglig"),
        ("/en/x/", "The service is briefly unavailable"),
    ],
)
def test_a_lost_database_gives_a_bilingual_503_not_a_500(rf, path, text):
    from django.db import OperationalError

    from core.views import server_error

    # Django calls the error view while handling the exception, as here.
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = server_error(rf.get(path))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert text in response.content.decode()
