"""Public forms cannot be used to send text to strangers.

A receipt goes to whatever address a visitor typed, so it never carries what the visitor
wrote, and one address gets at most ``ICLD_EMAILS_PER_RECIPIENT_PER_DAY`` receipts a day,
whichever forms they come from. The submissions are saved and the teams told as usual.
"""

from __future__ import annotations

import threading
import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from alerts import services as alert_services
from core.models import AccessibilityReport, OutboxMessage
from core.outbox import outbox_collect
from core.services import accessibility_report_reply, accessibility_report_submit
from knowledge import services as knowledge_services
from knowledge.models import Registration
from knowledge.tests.factories import make_event
from partnerships.models import InterestRegistration
from partnerships.tests import factories as partnership_factories
from programmes.tests.test_forms_hosting import valid_data as hosting_data

pytestmark = pytest.mark.django_db

MARK = "Ring 0701234567 och vinn http://evil.example"
VISITOR = "stranger@example.org"


def path(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def post(client: Client, url: str, data: dict):
    response = client.post(url, {**data, "submission_token": str(uuid.uuid4()), "website": ""})
    assert response.status_code == 302, response.content.decode()[:3000]
    outbox_collect()
    return response


def receipts() -> list[OutboxMessage]:
    return list(OutboxMessage.objects.filter(to=[VISITOR]))


def notices() -> list[OutboxMessage]:
    return list(OutboxMessage.objects.exclude(to=[VISITOR]))


def assert_no_visitor_text(messages: list[OutboxMessage]) -> None:
    assert messages
    for message in messages:
        for part in (message.subject, message.body_text, message.body_html):
            assert "0701234567" not in part and "evil.example" not in part, part


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_accessibility_receipt_quotes_nothing_the_visitor_wrote(client, language):
    data = {
        "kind": "barrier",
        "page_url": MARK,
        "description": MARK,
        "name": MARK,
        "email": VISITOR,
        "consent": "on",
    }
    post(client, path("core:accessibility_report", language), data)
    [receipt] = receipts()
    assert_no_visitor_text([receipt])
    assert receipt.language == language
    assert ("Vi har tagit emot" if language == "sv" else "We have received") in receipt.subject
    assert ("Hej!" if language == "sv" else "Hello,") in receipt.body_text
    [notice] = notices()
    assert MARK in notice.body_text  # staff read every word


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_answer_to_an_accessibility_report_carries_only_staffs_words(client, language):
    data = {"kind": "barrier", "description": MARK, "name": MARK, "email": VISITOR, "consent": "on"}
    post(client, path("core:accessibility_report", language), data)
    OutboxMessage.objects.all().delete()
    accessibility_report_reply(report=AccessibilityReport.objects.get(), reply="Vi har rättat det.")
    [answer] = receipts()
    assert_no_visitor_text([answer])
    assert "Vi har rättat det." in answer.body_text and "Vi har rättat det." in answer.body_html
    assert ("Rapportera" if language == "sv" else "Report an accessibility") in answer.body_text


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_interest_registration_receipt_quotes_nothing_the_visitor_wrote(client, language):
    data = {
        "organisation": str(partnership_factories.swedish("vara").pk),
        "contact_name": MARK,
        "role": MARK,
        "email": VISITOR,
        "countries": ["KE"],
        "message": MARK,
        "language": language,
        "consent": "on",
    }
    post(client, path("partnerships:register", language), data)
    [receipt] = receipts()
    assert_no_visitor_text([receipt])
    # What was sent, in general terms: the organisation chosen from the list.
    assert ("Vara kommun" if language == "sv" else "Vara Municipality") in receipt.body_text
    assert receipt.language == language
    [notice] = notices()
    assert MARK in notice.body_text


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_host_offer_receipt_quotes_nothing_the_visitor_wrote(client, language):
    data = hosting_data(
        contact_name=MARK,
        contact_role=MARK,
        email=VISITOR,
        expertise=MARK,
        accessibility_notes=MARK,
        message=MARK,
    )
    post(client, path("programmes:hosting_offer", language), data)
    [receipt] = receipts()
    assert_no_visitor_text([receipt])
    [notice] = notices()
    assert MARK in notice.body_text


@pytest.mark.parametrize("language", ["sv", "en"])
def test_seminar_emails_quote_nothing_the_visitor_wrote(client, language):
    event = make_event(capacity=1)
    data = {"name": MARK, "email": VISITOR, "organisation": MARK, "needs": MARK, "consent": "on"}
    url = path("knowledge:event_register", language, slug=event.slug)
    post(client, url, data)
    post(client, url, {**data, "email": "second@example.org"})  # the waiting list
    client.post(url, {**data, "submission_token": str(uuid.uuid4())})  # again: one reminder
    knowledge_services.registration_cancel(registration=Registration.objects.get(email=VISITOR))
    messages = list(OutboxMessage.objects.all())
    assert len(messages) == 5  # confirmed, waiting, reminder, cancelled, promoted
    assert_no_visitor_text(messages)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_alert_confirmation_leaves_out_the_search_words(client, language):
    url = path("alerts:subscribe", language, kind="publications") + "?q=" + MARK.replace(" ", "+")
    page = client.get(url)
    assert "0701234567" in page.content.decode()  # the visitor sees what they follow
    post(client, url, {"email": VISITOR, "language": language, "frequency": "weekly"})
    [receipt] = receipts()
    assert_no_visitor_text([receipt])
    assert (
        "Sökord: de som skrevs på listsidan"
        if language == "sv"
        else "Search words: the ones typed on the list page"
    ) in receipt.body_text


# --- The cap per address ----------------------------------------------------------------------


def register_interest(email: str = VISITOR) -> InterestRegistration:
    return partnership_factories.registration(email=email, message=MARK)


def test_one_address_gets_at_most_the_daily_cap_of_receipts(settings):
    settings.ICLD_EMAILS_PER_RECIPIENT_PER_DAY = 3
    for _ in range(5):
        register_interest()
    assert InterestRegistration.objects.count() == 5  # every submission is saved
    assert len(receipts()) == 3
    assert len(notices()) == 5  # and the team hears of each one


def test_the_cap_counts_every_form_and_ignores_the_case_of_the_address(settings):
    settings.ICLD_EMAILS_PER_RECIPIENT_PER_DAY = 3
    register_interest("Stranger@Example.org")
    accessibility_report_submit(
        kind="barrier",
        description=MARK,
        email="STRANGER@example.org",
        language="sv",
        submission_token=uuid.uuid4(),
    )
    outbox_collect()
    for _ in range(2):
        knowledge_services.registration_create(
            event=make_event(capacity=None),
            name="Ada",
            email=VISITOR,
            consent=True,
            language="sv",
            submission_token=uuid.uuid4(),
        )
    alert_services.alert_subscribe(
        email=VISITOR,
        language="sv",
        frequency="weekly",
        kind="events",
        query="",
        submission_token=uuid.uuid4(),
    )
    assert OutboxMessage.objects.exclude(receipt_for="").count() == 3
    assert AccessibilityReport.objects.count() == 1 and Registration.objects.count() == 2
    assert OutboxMessage.objects.filter(to=["info@icld.se"]).count() == 1  # staff notice


def test_the_cap_is_per_day(settings):
    settings.ICLD_EMAILS_PER_RECIPIENT_PER_DAY = 2
    register_interest()
    register_interest()
    register_interest()
    assert len(receipts()) == 2
    OutboxMessage.objects.update(created_at=timezone.now() - timedelta(hours=25))
    register_interest()
    assert len(receipts()) == 3
    assert settings.ICLD_EMAILS_PER_RECIPIENT_PER_DAY == 2


def test_the_default_cap_is_set_in_the_settings():
    from django.conf import settings

    assert settings.ICLD_EMAILS_PER_RECIPIENT_PER_DAY == 10


# --- One seat per address per event --------------------------------------------------------


def sign_up(event, email=VISITOR, token=None):
    return knowledge_services.registration_create(
        event=event,
        name="Ada",
        email=email,
        consent=True,
        language="sv",
        submission_token=token or uuid.uuid4(),
    )


def test_fifty_sign_ups_with_one_address_keep_one_seat_and_send_two_emails():
    event = make_event(capacity=None)
    first = sign_up(event)
    for number in range(49):
        again = sign_up(event, email=VISITOR.upper() if number % 2 else VISITOR)
        assert again.pk == first.pk
    assert Registration.objects.count() == 1
    subjects = [message.subject for message in receipts()]
    assert len(subjects) == 2  # the confirmation, and the details again once
    assert "redan" in subjects[1] or "redan" in subjects[0]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_second_sign_up_with_the_address_says_so_on_the_page(client, language):
    event = make_event(capacity=None)
    url = path("knowledge:event_register", language, slug=event.slug)
    data = {"name": "Ada", "email": VISITOR, "organisation": "", "needs": "", "consent": "on"}
    post(client, url, data)
    response = client.post(
        url,
        {**data, "email": VISITOR.upper(), "submission_token": str(uuid.uuid4()), "website": ""},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "E-postadressen är redan anmäld"
        if language == "sv"
        else "This email address is already signed up"
    ) in html
    assert Registration.objects.count() == 1
    assert len(receipts()) == 2
    client.post(
        url, {**data, "submission_token": str(uuid.uuid4()), "website": ""}
    )  # and again: no more email
    assert len(receipts()) == 2


def test_the_database_refuses_a_second_seat_for_one_address():
    from django.db import IntegrityError, transaction

    event = make_event(capacity=None)
    sign_up(event)
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(
            event=event,
            name="Ada",
            email=VISITOR.upper(),
            consent=True,
            status=Registration.Status.CONFIRMED,
            submission_token=uuid.uuid4(),
        )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_double_clicked_sign_up_sends_one_confirmation_and_no_reminder():
    event = make_event(capacity=None)
    token = uuid.uuid4()
    barrier = threading.Barrier(3)
    results, errors = [], []

    def click():
        try:
            barrier.wait()
            results.append(sign_up(event, token=token).pk)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(set(results)) == 1
    assert Registration.objects.count() == 1
    [confirmation] = receipts()
    assert "redan" not in confirmation.subject  # not "you are already signed up"
    assert Registration.objects.get().reminder_sent_at is None
