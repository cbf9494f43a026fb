"""Alert URLs speak the language of their prefix: the kind named by the word its list's own URL
uses, the old addresses (the kind's key, or the other language's word) answer 301 with the
query string kept, and the language switcher goes straight to the same page."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from alerts import kinds

pytestmark = pytest.mark.django_db

SLUGS = {
    "sv": {
        "partnerships": "partnerskap",
        "seekers": "partner-som-soker",
        "programmes": "utbildningsprogram",
        "publications": "publikationer",
        "calls": "forskningsutlysningar",
        "events": "evenemang",
    },
    "en": {
        "partnerships": "partnerships",
        "seekers": "partner-seekers",
        "programmes": "training-programmes",
        "publications": "publications",
        "calls": "research-calls",
        "events": "events",
    },
}
PATHS = {
    "sv": {
        "alerts:subscribe": "/sv/bevakningar/{slug}/bevaka/",
        "alerts:atom": "/sv/bevakningar/{slug}/flode/",
        "alerts:ical": "/sv/bevakningar/{slug}/kalender.ics",
    },
    "en": {
        "alerts:subscribe": "/en/alerts/{slug}/follow/",
        "alerts:atom": "/en/alerts/{slug}/feed/",
        "alerts:ical": "/en/alerts/{slug}/calendar.ics",
    },
}


def url(name, language, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_alert_url_is_in_the_words_of_its_language(language):
    assert {kind.key for kind in kinds.all_kinds()} == set(SLUGS[language])
    for key, slug in SLUGS[language].items():
        for name, pattern in PATHS[language].items():
            assert url(name, language, kind=key) == pattern.format(slug=slug)
    # Each word is the last segment of the list's own address.
    for kind in kinds.all_kinds():
        with translation.override(language):
            assert reverse(kind.url_name).rstrip("/").endswith("/" + SLUGS[language][kind.key])


def test_no_two_kinds_share_a_word():
    seen = {}
    for kind in kinds.all_kinds():
        for slug in kind.url_slugs():
            assert seen.setdefault(slug, kind.key) == kind.key, slug


@pytest.mark.parametrize(
    "old, new",
    [
        (
            "/sv/bevakningar/partnerships/bevaka/?country=kenya&q=vatten",
            "/sv/bevakningar/partnerskap/bevaka/?country=kenya&q=vatten",
        ),
        (
            "/sv/bevakningar/seekers/flode/?theme=x",
            "/sv/bevakningar/partner-som-soker/flode/?theme=x",
        ),
        ("/sv/bevakningar/events/kalender.ics", "/sv/bevakningar/evenemang/kalender.ics"),
        ("/sv/bevakningar/calls/bevaka/", "/sv/bevakningar/forskningsutlysningar/bevaka/"),
        ("/en/alerts/calls/follow/?q=water", "/en/alerts/research-calls/follow/?q=water"),
        ("/en/alerts/programmes/feed/", "/en/alerts/training-programmes/feed/"),
        (
            "/en/alerts/evenemang/calendar.ics?kind=webinar",
            "/en/alerts/events/calendar.ics?kind=webinar",
        ),
        ("/en/alerts/partnerskap/follow/", "/en/alerts/partnerships/follow/"),
    ],
)
def test_old_addresses_move_permanently_keeping_the_query(client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new
    assert client.get(new).status_code == 200


def test_an_unknown_kind_is_not_found(client):
    assert client.get("/sv/bevakningar/nagot/bevaka/").status_code == 404
    assert client.get("/en/alerts/nothing/feed/").status_code == 404


@pytest.mark.parametrize(
    "path, other",
    [
        (
            "/sv/bevakningar/partnerskap/bevaka/?country=kenya",
            "/en/alerts/partnerships/follow/?country=kenya",
        ),
        (
            "/en/alerts/research-calls/follow/?q=water",
            "/sv/bevakningar/forskningsutlysningar/bevaka/?q=water",
        ),
        ("/sv/bevakningar/evenemang/bevaka/", "/en/alerts/events/follow/"),
    ],
)
def test_the_language_switcher_stays_on_the_same_alert_page(client, path, other):
    html = client.get(path).text
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    assert f'href="{other}"' in switcher
    assert client.get(other).status_code == 200
