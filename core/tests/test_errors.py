"""The 400, 403 and CSRF-failure pages: bilingual, in the site's design, and the CSRF page
gives back what the visitor typed."""

import re

import pytest
from django.test import Client

from core.models import AccessibilityReport

pytestmark = pytest.mark.django_db

FORMS = {"sv": "/sv/tillganglighet/rapportera/", "en": "/en/accessibility/report/"}
EXPIRED = {"sv": "Ditt formulär skickades inte", "en": "Your form was not sent"}


@pytest.fixture(autouse=True)
def production(settings):
    settings.DEBUG = False  # Django's own pages otherwise


def report(description: str) -> dict:
    return {
        "kind": "barrier",
        "page_url": "/sv/",
        "description": description,
        "name": "Test Person",
        "email": "test@example.se",
        "consent": "on",
        "website": "",
    }


def csrf_client() -> Client:
    return Client(enforce_csrf_checks=True)


def hidden_value(html: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_expired_form_gives_back_what_was_typed_to_send_again(lang):
    client = csrf_client()
    page = client.get(FORMS[lang])
    token = hidden_value(page.text, "submission_token")
    typed = report("Hissen till entrén <saknar> knappar & skyltar")
    response = client.post(
        FORMS[lang],
        {**typed, "csrfmiddlewaretoken": "expired-token-value", "submission_token": token},
    )
    assert response.status_code == 403
    html = response.text
    assert f'lang="{lang}"' in html and EXPIRED[lang] in html
    assert 'class="site-header' in html  # the site's own design
    # The text comes back, escaped, in a form that posts to the same address...
    assert "Hissen till entrén &lt;saknar&gt; knappar &amp; skyltar" in html
    assert "Test Person" in html and "test@example.se" in html
    assert f'action="{FORMS[lang]}"' in html
    # ...with a fresh CSRF token, and sending it again saves the report once.
    fresh = hidden_value(html, "csrfmiddlewaretoken")
    assert fresh != "expired-token-value"
    assert "expired-token-value" not in html
    resent = client.post(
        FORMS[lang], {**typed, "csrfmiddlewaretoken": fresh, "submission_token": token}
    )
    assert resent.status_code == 302
    assert AccessibilityReport.objects.filter(name="Test Person").count() == 1


def test_the_csrf_page_never_shows_passwords_tokens_or_files():
    client = csrf_client()
    response = client.post(
        "/admin/login/",
        {
            "username": "editor@icld.se",
            "password": "hunter2-very-secret",
            "otp_token": "123456",
            "csrfmiddlewaretoken": "stale",
            "website": "honeypot text",
        },
    )
    assert response.status_code == 403
    html = response.text
    assert 'lang="sv"' in html and EXPIRED["sv"] in html  # Swedish outside /sv/ and /en/
    assert "editor@icld.se" in html
    for secret in ("hunter2-very-secret", "123456", "stale", "honeypot text"):
        assert secret not in html


def test_the_csrf_page_drops_uploaded_files_and_says_so():
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = csrf_client().post(
        "/en/accessibility/report/",
        {
            "description": "see the attachment",
            "file": SimpleUploadedFile("notes.txt", b"file contents never shown"),
        },
    )
    assert response.status_code == 403
    assert "see the attachment" in response.text
    assert "file contents never shown" not in response.text
    assert "Files you attached were not kept" in response.text


def test_with_nothing_typed_the_csrf_page_explains_and_links_home():
    response = csrf_client().post("/en/accessibility/report/", {})
    assert response.status_code == 403
    assert "cookies" in response.text and 'href="/en/"' in response.text


@pytest.mark.parametrize("charset", ["utf-16", "utf-7", "utf-32", "latin-1", "cp1252", "utf-16-le"])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_form_in_another_charset_is_a_bilingual_400_not_a_500(lang, charset):
    client = Client(raise_request_exception=False)
    response = client.generic(
        "POST",
        FORMS[lang],
        b"description=hej&name=x",
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )
    assert response.status_code == 400
    assert f'lang="{lang}"' in response.text
    heading = {"sv": "Din förfrågan kunde inte läsas", "en": "The request could not be read"}
    assert heading[lang] in response.text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_permission_denied_is_a_bilingual_page(lang, rf):
    from core.errors import permission_denied

    response = permission_denied(rf.get(f"/{lang}/"))
    heading = {"sv": "Du har inte tillgång till sidan", "en": "You do not have access to this page"}
    assert response.status_code == 403
    assert heading[lang] in response.content.decode()


def test_the_csrf_page_labels_what_was_typed_as_the_form_does():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/sv/tillganglighet/rapportera/",
        {"kind": "barrier", "description": "Knappen syns inte", "send": "Skicka"},
    )
    assert response.status_code == 403
    text = response.text
    assert "Beskriv problemet" in text and "Knappen syns inte" in text
    assert 'name="kind" value="barrier"' in text and ">barrier<" not in text
    assert 'name="send"' not in text  # the submit button's name is not a field
