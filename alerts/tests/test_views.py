import uuid
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from alerts import services, tokens
from alerts.models import Subscription
from alerts.tests.factories import event, make_subscription, published_partnership
from core.models import OutboxMessage

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def url(name: str, language: str = "sv", **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def form_data(client, path: str, **values) -> dict:
    response = client.get(path)
    token = response.context["form"]["submission_token"].value()
    return {"submission_token": str(token), "website": "", **values}


# --- The follow box on every list -------------------------------------------------------------


@pytest.mark.parametrize(
    "name, kind",
    [
        ("partnerships:list", "partnerships"),
        ("partnerships:seeker_list", "seekers"),
        ("programmes:index", "programmes"),
        ("knowledge:publications", "publications"),
        ("knowledge:calls", "calls"),
        ("knowledge:events", "events"),
    ],
)
@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_list_has_a_follow_box_with_its_filter(client, name, kind, language):
    response = client.get(url(name, language) + "?theme=gender-equality&page=2&sort=title")
    html = response.text
    assert response.status_code == 200
    assert 'class="notice follow-list"' in html
    subscribe = url("alerts:subscribe", language, kind=kind) + "?theme=gender-equality"
    assert f'href="{subscribe}"' in html
    assert url("alerts:atom", language, kind=kind) + "?theme=gender-equality" in html
    assert (url("alerts:ical", language, kind=kind) in html) == (kind == "events")


def test_other_pages_have_no_follow_box(client):
    assert "follow-list" not in client.get(url("home")).text
    assert "follow-list" not in client.get(url("alerts:manage_request")).text


def test_the_follow_box_costs_no_query(rf, django_assert_num_queries):
    from alerts.context_processors import follow

    request = rf.get("/sv/kunskapscentrum/evenemang/?theme=x")
    request.resolver_match = type("Match", (), {"view_name": "knowledge:events"})()
    with django_assert_num_queries(0):
        context = follow(request)
    assert context["follow"]["kind"].key == "events"


# --- Subscribe ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_subscribe_page_describes_the_filter(client, language):
    path = url("alerts:subscribe", language, kind="events") + "?language=sv&kind=webinar&page=3"
    response = client.get(path)
    assert response.status_code == 200
    assert f'lang="{language}"' in response.text
    if language == "sv":
        assert "Bevaka seminarier och workshoppar" in response.text
        assert "<dd>Webbinarium</dd>" in response.text or "<dd>Webinar</dd>" in response.text
    else:
        assert "<dd>Webinar</dd>" in response.text and "<dd>Swedish</dd>" in response.text
    assert "novalidate" in response.text


def test_subscribing_from_a_list_saves_its_filter_and_emails_the_link(client):
    path = url("alerts:subscribe", "en", kind="events") + "?language=sv&sort=x&bogus=1"
    data = form_data(client, path, email="Reader@Example.org", language="en", frequency="daily")
    response = client.post(path, data)
    assert response.status_code == 302
    assert response["Location"] == url("alerts:subscribe_sent", "en")
    subscription = Subscription.objects.get()
    assert (subscription.kind, subscription.query) == ("events", "language=sv")
    assert (subscription.email, subscription.frequency) == ("reader@example.org", "daily")
    assert OutboxMessage.objects.get().to == ["reader@example.org"]


@pytest.mark.parametrize(
    "language, expected",
    [
        ("sv", "Skriv en e-postadress som namn@example.org."),
        ("en", "Enter an email address like name@example.org."),
    ],
)
def test_a_bad_address_is_explained_in_the_pages_language_and_the_input_kept(
    client, language, expected
):
    path = url("alerts:subscribe", language, kind="publications") + "?q=water"
    data = form_data(client, path, email="not an address", language="en", frequency="weekly")
    response = client.post(path, data)
    assert response.status_code == 200
    assert expected in response.text
    assert 'value="not an address"' in response.text
    assert 'class="error-summary"' in response.text
    assert not Subscription.objects.exists()


def test_an_unknown_list_is_not_found(client):
    assert client.get(url("alerts:subscribe", kind="nothing")).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "theme=%00%01",
        "q=" + "x" * 5000,
        "country=nowhere&year=abc",
        "type=zzz&year=99999",
    ],
)
@pytest.mark.parametrize(
    "kind", ["partnerships", "seekers", "programmes", "publications", "calls", "events"]
)
def test_any_query_gives_a_normal_page_and_feed(client, kind, query):
    assert client.get(url("alerts:subscribe", kind=kind) + "?" + query).status_code == 200
    assert client.get(url("alerts:atom", kind=kind) + "?" + query).status_code == 200


# --- Confirm -----------------------------------------------------------------------------------


def pending(**kwargs) -> Subscription:
    values = {
        "email": "reader@example.org",
        "language": "sv",
        "frequency": "weekly",
        "kind": "events",
        "query": "",
        "submission_token": uuid.uuid4(),
    }
    return services.alert_subscribe(**{**values, **kwargs})


def test_opening_the_confirm_link_asks_and_posting_confirms(client):
    subscription = pending()
    path = url("alerts:confirm", token=tokens.confirm_token(subscription))
    response = client.get(path)
    assert response.status_code == 200
    assert "Bekräfta min bevakning" in response.text
    subscription.refresh_from_db()
    assert not subscription.is_confirmed  # a link checker opening the link confirms nothing
    response = client.post(path)
    assert response.status_code == 302
    assert response["Location"] == url(
        "alerts:manage", token=tokens.manage_token("reader@example.org")
    )
    subscription.refresh_from_db()
    assert subscription.is_confirmed


@pytest.mark.parametrize("token", ["x", "abc:def:ghi", "%00"])
def test_a_broken_confirm_link_gives_a_helpful_page(client, token):
    response = client.get(url("alerts:confirm", token=token))
    assert response.status_code == 404
    assert "Länken fungerar inte" in response.text


# --- Unsubscribe -------------------------------------------------------------------------------


def test_the_unsubscribe_link_asks_first_then_removes_without_login(client):
    subscription = make_subscription()
    path = url(
        "alerts:unsubscribe", token=tokens.unsubscribe_token(subscription.email, [subscription.pk])
    )
    response = client.get(path)
    assert response.status_code == 200
    assert "Ja, avsluta mejlen" in response.text
    assert Subscription.objects.exists()
    response = client.post(path)
    assert response.status_code == 200
    assert "Bevakningar avslutade" in response.text
    assert not Subscription.objects.exists()
    # Again: still a friendly page.
    assert client.get(path).status_code == 200
    assert client.post(path).status_code == 200


def test_one_click_unsubscribe_from_a_mail_client_works_without_cookies_or_csrf_token():
    now = timezone.now()
    subscription = make_subscription(confirmed=now - timedelta(days=3), language="en")
    event(at=now - timedelta(hours=1))
    services.alert_digests_send(now=now)
    header = OutboxMessage.objects.get().headers["List-Unsubscribe"].strip("<>")
    path = header.removeprefix("https://portal.example")
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Subscription.objects.filter(pk=subscription.pk).exists()


def test_a_forged_unsubscribe_link_removes_nothing(client):
    make_subscription()
    token = tokens.unsubscribe_token("reader@example.org", [1]) + "x"
    assert client.post(url("alerts:unsubscribe", token=token)).status_code == 404
    assert Subscription.objects.exists()


# --- Manage ------------------------------------------------------------------------------------


def test_asking_for_the_manage_link_says_the_same_whether_or_not_the_address_has_alerts(client):
    make_subscription(email="me@example.org")
    path = url("alerts:manage_request")
    for email in ("me@example.org", "stranger@example.org"):
        response = client.post(path, form_data(client, path, email=email))
        assert response.status_code == 302
        assert response["Location"] == url("alerts:manage_sent")
    assert [m.to for m in OutboxMessage.objects.all()] == [["me@example.org"]]


def test_the_manage_page_lists_and_removes_the_addresses_alerts(client):
    first = make_subscription(email="me@example.org", kind="events", query="language=sv")
    second = make_subscription(email="me@example.org", kind="publications", query="q=water")
    make_subscription(email="other@example.org", kind="calls")
    path = url("alerts:manage", "en", token=tokens.manage_token("me@example.org"))
    response = client.get(path)
    assert response.status_code == 200
    assert response.text.count('class="card alert-card"') == 2
    assert "Seminars and workshops" in response.text and "Publications" in response.text
    assert "Research calls" not in response.text
    assert url("alerts:ical", "en", kind="events") + "?language=sv" in response.text
    response = client.post(path, {"remove": first.pk})
    assert response.status_code == 302
    assert list(Subscription.objects.filter(email="me@example.org")) == [second]
    client.post(path, {"remove": "not a number"})
    asked = client.post(path, {"remove_all": "1"})
    assert asked.status_code == 200  # a page that asks first: nothing removed yet
    assert Subscription.objects.filter(email="me@example.org").exists()
    client.post(path, {"remove_all_confirmed": "1"})
    assert not Subscription.objects.filter(email="me@example.org").exists()
    assert Subscription.objects.filter(email="other@example.org").exists()


def test_the_manage_page_refuses_a_forged_link_and_needs_csrf(client):
    make_subscription(email="me@example.org")
    assert client.get(url("alerts:manage", token="forged")).status_code == 404
    strict = Client(enforce_csrf_checks=True)
    path = url("alerts:manage", token=tokens.manage_token("me@example.org"))
    assert strict.post(path, {"remove_all": "1"}).status_code == 403
    assert Subscription.objects.exists()


def test_the_manage_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    path = url("alerts:manage", token=tokens.manage_token("me@example.org"))

    def add_alerts():
        make_subscription(email="me@example.org", kind="calls", query="theme=gender-equality")
        make_subscription(email="me@example.org", kind="events", query="country=kenya&language=sv")
        make_subscription(
            email="me@example.org", kind="publications", query="theme=gender-equality"
        )
        make_subscription(email="me@example.org", kind="programmes", query="open=on")

    add_alerts()
    client.get(path)
    # The alerts, then each vocabulary once: themes, countries, the library's, the programmes'.
    with django_assert_num_queries(8):
        client.get(path)
    add_alerts()
    add_alerts()
    with django_assert_num_queries(8):
        response = client.get(path)
    assert response.text.count('class="card alert-card"') == 12


# --- Feeds ---------------------------------------------------------------------------------


def test_the_atom_feed_of_a_filter_is_valid_xml_with_the_matching_entries(client):
    kenya = published_partnership(country="KE", title_en="Water in Kisumu")
    published_partnership(country="TZ", title_en="Schools in Arusha")
    response = client.get(url("alerts:atom", "en", kind="partnerships") + "?country=kenya")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Water in Kisumu"]
    assert entries[0].find(f"{ATOM}id").text == f"tag:icld.se,2009:partnership:{kenya.pk}"
    assert "Kenya" in root.find(f"{ATOM}title").text


def test_the_calendar_feed_of_an_event_filter_has_its_events(client):
    event(language="sv", title_sv="Svenskt seminarium")
    event(language="en", title_sv="Engelskt webbinarium")
    response = client.get(url("alerts:ical", kind="events") + "?language=sv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == 1
    assert "SUMMARY:Svenskt seminarium" in text


def test_only_events_have_a_calendar_feed(client):
    assert client.get(url("alerts:ical", kind="publications")).status_code == 404


def test_the_list_unsubscribe_header_is_one_short_unencoded_line():
    """Mail software folds a header line longer than 78 characters into encoded words, which
    clients do not read as a link: the header's link must stay short."""
    from django.core.mail import EmailMessage

    now = timezone.now()
    mine = make_subscription(
        email="me@example.org", kind="events", confirmed=now - timedelta(days=3)
    )
    other = make_subscription(
        email="me@example.org", kind="calls", confirmed=now - timedelta(days=3)
    )
    event(at=now - timedelta(hours=1))
    services.alert_digests_send(now=now)
    headers = OutboxMessage.objects.get().headers
    raw = EmailMessage("s", "b", "icld@example.org", ["me@example.org"], headers=headers)
    text = raw.message().as_bytes().decode()
    assert "=?utf-8?" not in text
    link = headers["List-Unsubscribe"].strip("<>")
    assert link == f"https://portal.example/sv/bevakningar/avsluta/{mine.unsubscribe_key}/"
    assert mine.unsubscribe_key == other.unsubscribe_key  # one key for the address
    # It stops every alert of the address, and says so again when used twice.
    client = Client(enforce_csrf_checks=True)
    path = link.removeprefix("https://portal.example")
    assert "me@example.org" in client.get(path).text
    assert (
        client.post(
            path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        ).status_code
        == 200
    )
    assert not Subscription.objects.exists()
    again = client.post(path)
    assert again.status_code == 200
    assert "redan avslutade" in again.text


def test_a_bot_filling_the_honeypot_sees_the_usual_page_and_nothing_is_saved(client):
    path = url("alerts:subscribe", kind="events")
    data = form_data(
        client,
        path,
        email="bot@example.org",
        language="sv",
        frequency="daily",
        website="http://spam.example",
    )
    response = client.post(path, data)
    assert response.status_code == 302
    assert response["Location"] == url("alerts:subscribe_sent")
    assert not Subscription.objects.exists()
    assert not OutboxMessage.objects.exists()
