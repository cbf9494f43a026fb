"""The history of offers and visits reads in the language of whoever opens it."""

import pytest
from django.urls import reverse
from django.utils import translation

from programmes import services
from programmes.models import HistoryEntry, HostingOffer
from programmes.tests.conftest import make_offer

pytestmark = pytest.mark.django_db


def test_history_reads_in_the_language_of_whoever_opens_it(staff_client):
    offer = make_offer()
    with translation.override("sv"):  # declined by someone using the Swedish admin
        services.hosting_offer_set_status(offer=offer, status=HostingOffer.Status.DECLINED)
    change = reverse("admin:programmes_hostingoffer_change", args=[offer.pk])
    history = reverse("admin:programmes_historyentry_changelist")
    english = staff_client.get(change, HTTP_ACCEPT_LANGUAGE="en").text
    assert "Status changed." in english and "<strong>status</strong>: New → Declined" in english
    assert "Status ändrad." not in english and "Avböjd" not in english
    swedish = staff_client.get(change, HTTP_ACCEPT_LANGUAGE="sv").text
    assert "Status ändrad." in swedish and "<strong>status</strong>: Ny → Avböjd" in swedish
    assert "Status changed." not in swedish
    assert "Status changed." in staff_client.get(history, HTTP_ACCEPT_LANGUAGE="en").text
    assert "Status ändrad." in staff_client.get(history, HTTP_ACCEPT_LANGUAGE="sv").text


def test_history_keeps_yes_no_and_choices_as_values_and_words_them_when_shown():
    offer = make_offer(may_be_listed=False)
    services.history_record(
        subject=offer,
        event=HistoryEntry.Event.CHANGED_IN_ADMIN,
        changes={"may_be_listed": (False, True), "hosting_kinds": ([], ["placement"])},
    )
    entry = offer.history.get(event=HistoryEntry.Event.CHANGED_IN_ADMIN)
    assert entry.changes == {"may_be_listed": [False, True], "hosting_kinds": [[], ["placement"]]}
    with translation.override("en"):
        assert sorted(entry.change_rows()) == [
            ("kinds of hosting", "–", "Two-day placement"),
            ("may be listed as a host", "no", "yes"),
        ]
    with translation.override("sv"):
        rows = {label: values for label, *values in entry.change_rows()}
    assert rows["typer av värdskap"] == ["–", "Tvådagarspraktik"]
    assert ["nej", "ja"] in rows.values()
