"""Each alert keeps the language it was made in: a new alert in English does not turn the
address's Swedish alerts into English ones, and the page says so."""

import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from alerts import services
from alerts.models import Digest, Subscription
from alerts.tests.factories import call, event, make_subscription
from core.models import OutboxMessage

pytestmark = pytest.mark.django_db


def test_confirming_a_new_alert_leaves_the_language_of_the_others():
    swedish = make_subscription(email="me@example.org", kind="calls", language="sv")
    new = services.alert_subscribe(
        email="me@example.org",
        language="en",
        frequency="daily",
        kind="events",
        query="",
        submission_token=uuid.uuid4(),
    )
    services.alert_confirm(subscription=new)
    assert Subscription.objects.get(pk=swedish.pk).language == "sv"
    assert Subscription.objects.get(pk=new.pk).language == "en"


def test_an_address_with_alerts_in_both_languages_gets_a_digest_in_each():
    now = timezone.now()
    make_subscription(
        email="me@example.org", kind="calls", language="sv", confirmed=now - timedelta(days=3)
    )
    make_subscription(
        email="me@example.org", kind="events", language="en", confirmed=now - timedelta(days=3)
    )
    call(at=now - timedelta(hours=2), title_sv="Utlysning om vatten", title_en="Call on water")
    event(
        at=now - timedelta(hours=2), title_sv="Seminarium om skolor", title_en="Seminar on schools"
    )

    run = services.alert_digests_send(now=now)
    assert run.failed == [] and run.items == 2
    digests = {d.language: d for d in Digest.objects.all()}
    assert set(digests) == {"sv", "en"}
    swedish = OutboxMessage.objects.get(pk=digests["sv"].message_id)
    english = OutboxMessage.objects.get(pk=digests["en"].message_id)
    assert (
        "Utlysning om vatten" in swedish.body_text and "Forskningsutlysningar" in swedish.body_text
    )
    assert "Seminar on schools" not in swedish.body_text
    assert (
        "Seminar on schools" in english.body_text and "Seminars and workshops" in english.body_text
    )
    assert "Call on water" not in english.body_text

    # Still at most one a day in each language.
    assert services.alert_digests_send(now=now + timedelta(minutes=5)).items == 0
    assert Digest.objects.count() == 2


@pytest.mark.parametrize(
    "language, text",
    [
        ("sv", "Gäller bara den här bevakningen: adressens andra bevakningar behåller sitt språk."),
        ("en", "For this alert only: any other alerts of your address keep their own language."),
    ],
)
def test_the_subscribe_page_says_the_language_is_for_this_alert_only(client, language, text):
    with translation.override(language):
        path = reverse("alerts:subscribe", kwargs={"kind": "events"})
    assert text in client.get(path).text
