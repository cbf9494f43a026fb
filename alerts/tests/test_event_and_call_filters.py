"""Event and call alerts: the search text is honoured as the list honours it (through the
list's own selector, so an alert finds what the list shows), the subscribe page offers their
filters as controls that work without JavaScript, and no hostile search breaks a digest."""

from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from alerts import kinds, services
from alerts.models import Subscription
from alerts.tests.factories import call, event, make_subscription
from reference.models import Country, Theme
from tests.test_hostile_search import HOSTILE

pytestmark = pytest.mark.django_db


def url(name, language="sv", query="", **kwargs):
    with translation.override(language):
        path = reverse(name, kwargs=kwargs or None)
    return f"{path}?{query}" if query else path


@pytest.fixture
def events():
    return [
        event(title_sv="Seminarium om vatten", title_en="Seminar on water"),
        event(title_sv="Vattenseminarium för skolor", title_en="Water for schools", kind="webinar"),
        event(title_sv="Budgetdialog", title_en="Budget dialogue"),
    ]


@pytest.fixture
def calls():
    return [
        call(title_sv="Utlysning om vatten", title_en="Call on water"),
        call(title_sv="Utlysning om budget", title_en="Call on budgets"),
    ]


def keys(items) -> set[str]:
    return {item.key for item in items}


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("q", ["water", "vatten", "budget", "water -schools", "nothing-at-all"])
def test_an_event_alert_finds_what_the_event_list_finds(client, events, language, q):
    listed = client.get(url("knowledge:events", language, f"q={q}")).context["results"]
    kind = kinds.get("events")
    with translation.override(language):
        found = kind.items(kind.from_query(f"q={q}"))
    assert keys(found) == {f"event:{e.pk}" for e in listed}
    if q == "budget":
        assert keys(found) == {f"event:{events[2].pk}"}


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("q", ["water", "budget", "nothing-at-all"])
def test_a_call_alert_finds_what_the_call_list_finds(client, calls, language, q):
    listed = client.get(url("knowledge:calls", language, f"q={q}")).context["results"]
    kind = kinds.get("calls")
    with translation.override(language):
        found = kind.items(kind.from_query(f"q={q}"))
    assert keys(found) == {f"call:{c.pk}" for c in listed}
    assert found or q == "nothing-at-all"


def test_the_search_narrows_the_other_filters_too(events):
    kind = kinds.get("events")
    filters = kind.from_query("q=water&kind=webinar")
    assert keys(kind.items(filters)) == {f"event:{events[1].pk}"}
    assert filters.query == "kind=webinar&q=water"
    with translation.override("sv"):
        assert kind.describe(filters) == [("Sök", "water"), ("Typ", "Webbinarium")]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_digest_of_an_event_alert_with_a_search_lists_only_the_matches(events, language):
    now = timezone.now()
    subscription = make_subscription(
        kind="events", query="q=budget", language=language, confirmed=now - timedelta(days=1)
    )
    Subscription.objects.filter(pk=subscription.pk).update(since=now - timedelta(days=2))
    run = services.alert_digests_send(now=now)
    assert run.items == 1 and run.failed == []
    assert list(subscription.deliveries.values_list("item_key", flat=True)) == [
        f"event:{events[2].pk}"
    ]


@pytest.mark.parametrize("query", HOSTILE)
def test_no_hostile_search_breaks_a_digest_of_any_kind(events, calls, query):
    now = timezone.now()
    for n, kind in enumerate(kinds.all_kinds()):
        make_subscription(
            email=f"reader{n}@example.org",
            kind=kind.key,
            query=urlencode({"q": query}),  # as saved, even before the lists cleaned it
            confirmed=now - timedelta(days=2),
        )
    run = services.alert_digests_send(now=now)
    assert run.failed == []


# --- The controls on the subscribe page -----------------------------------------------------


@pytest.mark.parametrize(
    "language, words",
    [
        ("sv", ["Välj vad du vill bevaka", "Sök", "Typ", "Webbinarium", "Tema", "Land", "Språk"]),
        (
            "en",
            ["Choose what to follow", "Search", "Kind", "Webinar", "Theme", "Country", "Language"],
        ),
    ],
)
def test_the_event_subscribe_page_offers_the_event_filters(client, events, language, words):
    theme = Theme.objects.order_by("pk").first()
    country = Country.objects.get(slug="kenya")
    events[0].themes.add(theme)
    events[0].countries.add(country)
    response = client.get(url("alerts:subscribe", language, "kind=webinar&q=vatten", kind="events"))
    html = response.text
    for word in words:
        assert word in html
    assert '<form method="get"' in html
    assert 'name="q" value="vatten"' in html
    assert 'name="kind" value="webinar" id="alert-filter-kind-3" checked' in html
    assert f'name="theme" value="{theme.slug}"' in html
    assert 'name="country" value="kenya"' in html
    # Only what some event has: a country no event is about is not offered.
    assert 'name="country" value="sweden"' not in html


def test_the_call_subscribe_page_offers_search_and_themes(client, calls):
    theme = Theme.objects.order_by("pk").first()
    calls[0].themes.add(theme)
    html = client.get(url("alerts:subscribe", "en", kind="calls")).text
    assert 'name="q" value=""' in html and f'name="theme" value="{theme.slug}"' in html
    assert 'name="kind"' not in html


def test_lists_with_their_own_filters_get_no_second_set(client):
    html = client.get(url("alerts:subscribe", "en", kind="partnerships")).text
    assert "Choose what to follow" not in html


def test_a_filter_chosen_on_the_page_is_what_the_alert_saves(client, events):
    path = url("alerts:subscribe", "en", "q=water&kind=webinar&kind=seminar&bogus=1", kind="events")
    page = client.get(path)
    assert "Search" in page.text and "Seminar, Webinar" in page.text
    token = page.context["form"]["submission_token"].value()
    response = client.post(
        path,
        {
            "email": "me@example.org",
            "language": "en",
            "frequency": "weekly",
            "submission_token": str(token),
            "website": "",
        },
    )
    assert response.status_code == 302
    assert Subscription.objects.get().query == "kind=seminar&kind=webinar&q=water"
