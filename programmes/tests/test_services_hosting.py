import threading
import uuid
from datetime import date

import pytest
from django.conf import settings
from django.db import close_old_connections, transaction

from core.models import OutboxMessage
from programmes import services
from programmes.models import HostingOffer
from programmes.tests.conftest import in_thread, municipality

OFFER_KWARGS = {
    "contact_name": "Anna Andersson",
    "email": "anna@vara.example",
    "phone": "0512-310 00",
    "hosting_kinds": ["group_visit"],
    "capacity": 30,
    "languages": ["sv", "en"],
    "accessibility": "step_free",
}


def submit(token=None, language="en", **extra):
    return services.hosting_offer_submit(
        submission_token=token or uuid.uuid4(),
        organisation=municipality(),
        periods=[(date(2027, 9, 1), date(2027, 9, 30)), (date(2027, 5, 3), date(2027, 5, 7))],
        language=language,
        **{**OFFER_KWARGS, **extra},
    )


@pytest.mark.django_db
def test_offer_is_saved_once_per_submission_token():
    token = uuid.uuid4()
    first = submit(token)
    again = submit(token)
    assert first.pk == again.pk
    assert HostingOffer.objects.count() == 1
    assert OutboxMessage.objects.count() == 2  # one confirmation, one notification: not four


@pytest.mark.django_db
def test_offer_queues_confirmation_in_the_offerers_language_and_notifies_the_team():
    offer = submit(language="en")
    confirmation = OutboxMessage.objects.get(to=[offer.email])
    assert confirmation.language == "en"
    assert "Thank you for offering to host" in confirmation.subject
    assert "1–30 September 2027" in confirmation.body_text
    notification = OutboxMessage.objects.get(to=[settings.ICLD_PROGRAMME_TEAM_EMAIL])
    assert "Vara kommun" in notification.subject
    assert notification.reply_to == offer.email


@pytest.mark.django_db
def test_swedish_offer_gets_a_swedish_confirmation():
    offer = submit(language="sv")
    confirmation = OutboxMessage.objects.get(to=[offer.email])
    assert confirmation.subject.startswith("Tack för erbjudandet")


@pytest.mark.django_db
def test_offer_and_emails_roll_back_together():
    with pytest.raises(RuntimeError), transaction.atomic():
        submit()
        raise RuntimeError("the request failed after the service")
    assert HostingOffer.objects.count() == 0
    assert OutboxMessage.objects.count() == 0


@pytest.mark.django_db
def test_offer_periods_are_stored_in_order_with_history():
    offer = submit()
    assert [(p.starts_on, p.ends_on) for p in offer.periods.all()] == [
        (date(2027, 5, 3), date(2027, 5, 7)),
        (date(2027, 9, 1), date(2027, 9, 30)),
    ]
    assert offer.history.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_double_click_racing_in_two_workers_saves_one_offer():
    token = uuid.uuid4()
    barrier = threading.Barrier(2)

    def send():
        close_old_connections()
        barrier.wait()
        return submit(token).pk

    results: list = []
    threads = [threading.Thread(target=in_thread, args=(send, results)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(results) == 2 and results[0] == results[1], results
    assert HostingOffer.objects.count() == 1
    assert OutboxMessage.objects.count() == 2
