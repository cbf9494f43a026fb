"""Saving a registration once with its emails, following it up, recording matches."""

from __future__ import annotations

import threading
import uuid

import pytest
from django.db import connection, transaction

from core.models import OutboxMessage
from partnerships import services
from partnerships.models import InterestRegistration, Match
from partnerships.tests import factories
from reference.models import Organisation


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_double_submit_saves_once():
    token = uuid.uuid4()
    organisation = Organisation.objects.get(slug="vara")
    barrier = threading.Barrier(2)
    errors = []

    def submit():
        try:
            barrier.wait()
            services.registration_submit(
                organisation=organisation,
                contact_name="A",
                role="B",
                email="a@b.example",
                language="sv",
                submission_token=token,
            )
        except Exception as error:  # pragma: no cover - shown on failure
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert InterestRegistration.objects.filter(submission_token=token).count() == 1
    assert OutboxMessage.objects.count() == 2


def test_emails_roll_back_with_the_registration():
    with pytest.raises(RuntimeError), transaction.atomic():
        factories.registration()
        assert OutboxMessage.objects.count() == 2
        raise RuntimeError("the transaction fails after the service")
    assert InterestRegistration.objects.count() == 0
    assert OutboxMessage.objects.count() == 0


def test_match_links_both_and_is_recorded_once(django_user_model):
    user = django_user_model.objects.create_user("bo", is_staff=True)
    registration = factories.registration()
    seeker = factories.seeker()
    services.match_record(registration=registration, seeker=seeker, user=user)
    services.match_record(registration=registration, seeker=seeker, user=user)
    assert Match.objects.count() == 1
    registration.refresh_from_db()
    seeker.refresh_from_db()
    assert registration.status == "matched" and seeker.status == "matched"
    assert registration.events.filter(event="matched", by=user).exists()


def test_update_writes_history_with_old_and_new_values(django_user_model):
    user = django_user_model.objects.create_user("bo", is_staff=True)
    registration = factories.registration()
    services.registration_update(
        registration=registration,
        user=user,
        status="contacted",
        assignee=user,
        internal_notes="Ringt.",
    )
    event = registration.events.get(event="changed")
    assert event.by == user
    assert event.changes == {
        "status": ["new", "contacted"],
        "assignee": [None, "bo"],
        "internal_notes": ["", "Ringt."],
    }
    services.registration_update(registration=registration, user=user, status="contacted")
    assert registration.events.filter(event="changed").count() == 1
    services.registration_update(registration=registration, user=user, status="closed")
    registration.refresh_from_db()
    assert registration.closed_at is not None
