"""The manage page: removing one alert is the normal action; "remove all" is a quieter,
danger-styled button after the list that asks on a page of its own (no JavaScript needed)."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from alerts import tokens
from alerts.models import Subscription
from alerts.tests.factories import make_subscription

pytestmark = pytest.mark.django_db

TEXT = {
    "sv": {
        "one": "Ta bort bevakningen",
        "all": "Ta bort alla mina bevakningar …",
        "ask": "Ta bort alla dina bevakningar?",
        "yes": "Ja, ta bort alla mina bevakningar",
        "no": "Nej, behåll mina bevakningar",
        "done": "Dina bevakningar är borttagna.",
    },
    "en": {
        "one": "Remove this alert",
        "all": "Remove all my alerts…",
        "ask": "Remove all your alerts?",
        "yes": "Yes, remove all my alerts",
        "no": "No, keep my alerts",
        "done": "Your alerts have been removed.",
    },
}


def manage_path(language: str) -> str:
    with translation.override(language):
        return reverse("alerts:manage", kwargs={"token": tokens.manage_token("me@example.org")})


@pytest.fixture
def alerts():
    return [
        make_subscription(email="me@example.org", kind="events"),
        make_subscription(email="me@example.org", kind="calls", query="q=water"),
    ]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_remove_all_is_a_secondary_danger_button_after_the_list(client, alerts, language):
    html = client.get(manage_path(language)).text
    text = TEXT[language]
    remove_all = re.search(r'<button type="submit" class="([^"]*)" name="remove_all"', html)
    assert remove_all and remove_all.group(1) == "button-danger"
    assert html.index("</ul>", html.index('class="alert-list"')) < remove_all.start()
    singles = re.findall(r'<button type="submit" class="([^"]*)" name="remove" value', html)
    assert singles == ["button-secondary", "button-secondary"]
    assert html.count(text["one"]) == 2 and text["all"] in html


@pytest.mark.parametrize("language", ["sv", "en"])
def test_remove_all_asks_first_and_keeping_them_changes_nothing(client, alerts, language):
    path = manage_path(language)
    text = TEXT[language]
    asked = client.post(path, {"remove_all": "1"})
    assert asked.status_code == 200
    assert text["ask"] in asked.text and text["yes"] in asked.text
    assert f'<a class="button button-secondary" href="{path}">{text["no"]}</a>' in asked.text
    assert "me@example.org" in asked.text
    assert Subscription.objects.filter(email="me@example.org").count() == 2

    done = client.post(path, {"remove_all_confirmed": "1"}, follow=True)
    assert not Subscription.objects.filter(email="me@example.org").exists()
    assert text["done"] in done.text


def test_asking_with_no_alerts_left_goes_back_to_the_page(client):
    response = client.post(manage_path("en"), {"remove_all": "1"})
    assert response.status_code == 302
