"""The page's language where it meets the other one: links between the languages, language
names inside a sentence, the privacy notice's cookies."""

import re

import pytest
from django.test import override_settings

from knowledge.models import Event

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=False)
@pytest.mark.parametrize(
    ("path", "language", "other"),
    [("/sv/finns-inte/", "sv", "/en/"), ("/en/no-such-page/", "en", "/sv/")],
)
def test_the_404_page_offers_the_other_languages_home_not_itself(client, path, language, other):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    links = re.findall(r'<a href="([^"]+)" hreflang="[a-z]+" lang="[a-z]+" rel="alternate">', html)
    assert links == [other]


def test_the_language_switcher_keeps_page_and_query(client):
    html = client.get("/sv/kommunala-partnerskap/?phase=active").content.decode()
    assert 'href="/en/municipal-partnerships/?phase=active" hreflang="en"' in html


@pytest.mark.parametrize(
    ("language", "expected", "wrong"),
    [("sv", "På engelska", "På Engelska"), ("en", "In English", "In english")],
)
def test_a_language_name_in_a_sentence_is_written_as_the_language_writes_it(
    client, language, expected, wrong
):
    from knowledge.tests.factories import make_event

    make_event(language=Event.Language.ENGLISH)
    html = client.get(
        f"/{language}/"
        + ("kunskapscentrum/evenemang/" if language == "sv" else "knowledge-centre/events/")
    ).content.decode()
    assert expected.lower() in html.lower()
    assert expected in html or expected.replace("På", "på") in html
    assert wrong not in html


@pytest.mark.parametrize(
    ("path", "label"),
    [("/sv/sok/?q=vara", "Visa alla träffar i "), ("/en/search/?q=vara", "Show all results in ")],
)
def test_site_search_links_to_every_result_in_words_that_read_naturally(client, path, label):
    from partnerships.tests import factories

    for number in range(8):
        factories.partnership(
            title_sv=f"Vara och partner {number}", title_en=f"Vara and partner {number}"
        )
    html = client.get(path).content.decode()
    assert label in html
    assert "Alla: " not in html


def test_the_privacy_notice_names_only_cookies_the_site_sets(client):
    html = client.get("/sv/personuppgifter/").content.decode()
    assert "csrftoken" in html and "sparas inte i någon kaka" in html
    english = client.get("/en/privacy/").content.decode()
    assert "csrftoken" in english and "is not stored in a cookie" in english
    # Browsing the public pages sets no cookie at all.
    assert not client.get("/sv/").cookies
    assert not client.get("/en/knowledge-centre/").cookies


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/sv/bevakningar/partnerskap/bevaka/", "<h1>Bevaka kommunala partnerskap</h1>"),
        ("/en/alerts/partnerships/follow/", "<h1>Follow Municipal Partnerships</h1>"),
        ("/sv/bevakningar/publikationer/bevaka/", "<h1>Bevaka publikationer</h1>"),
    ],
)
def test_a_lists_name_inside_a_swedish_sentence_starts_in_lower_case(client, path, heading):
    assert heading in client.get(path).content.decode()
