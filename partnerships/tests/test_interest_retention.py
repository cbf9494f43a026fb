"""The daily retention run anonymises registrations after the retention period."""

from __future__ import annotations

import json
from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from partnerships import services
from partnerships.models import InterestRegistration
from partnerships.tests import factories


def test_anonymise_command_removes_personal_data_after_retention_period(settings):
    old = factories.registration(contact_name="Gammal", email="old@vara.example", message="Hej")
    recent = factories.registration(contact_name="Ny", email="recent@vara.example")
    open_old = factories.registration(contact_name="Öppen", email="open@vara.example")
    services.registration_update(registration=old, status="closed", internal_notes="anteckning")
    services.registration_update(registration=recent, status="closed")
    InterestRegistration.objects.filter(pk=old.pk).update(
        closed_at=timezone.now() - timedelta(days=25 * 31)
    )
    InterestRegistration.objects.filter(pk=recent.pk).update(
        closed_at=timezone.now() - timedelta(days=200)
    )
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert "partnerships.InterestRegistration: erased 1" in out.getvalue()
    old.refresh_from_db()
    assert (old.contact_name, old.email, old.message, old.role, old.internal_notes) == (
        "",
        "",
        "",
        "",
        "",
    )
    assert old.anonymised_at and old.status == "closed" and old.organisation.slug == "vara"
    assert old.countries.exists() and old.themes.exists() and old.created_at
    assert "anteckning" not in json.dumps(list(old.events.values_list("changes", flat=True)))
    recent.refresh_from_db()
    open_old.refresh_from_db()
    assert recent.contact_name == "Ny" and open_old.contact_name == "Öppen"
    settings.ICLD_PARTNERSHIP_RETENTION_MONTHS = 6
    call_command("apply_retention", stdout=out)
    recent.refresh_from_db()
    assert recent.contact_name == ""


def test_anonymise_command_reads_setting(settings):
    settings.ICLD_PARTNERSHIP_RETENTION_MONTHS = 1
    registration = factories.registration()
    services.registration_update(registration=registration, status="closed")
    InterestRegistration.objects.filter(pk=registration.pk).update(
        closed_at=timezone.now() - timedelta(days=40)
    )
    call_command("apply_retention", stdout=StringIO())
    registration.refresh_from_db()
    assert registration.anonymised_at is not None


def test_erasing_a_registration_keeps_what_happened_but_not_who_or_the_words(django_user_model):
    user = django_user_model.objects.create_user("bo", is_staff=True)
    registration = factories.registration()
    services.registration_update(registration=registration, user=user, internal_notes="Ring Anna")
    kept = list(registration.events.order_by("pk").values_list("event", "at"))
    services.registrations_erase(InterestRegistration.objects.filter(pk=registration.pk))
    events = registration.events.order_by("pk")
    assert list(events.values_list("event", "at")) == kept
    assert not events.filter(by__isnull=False).exists()
    assert events.get(event="changed").changes == {"internal_notes": ["–", "–"]}
