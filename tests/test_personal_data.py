"""Personal data is declared once per model, and one export and one erase cover every app."""

import json
import uuid
from datetime import timedelta
from html import escape
from io import StringIO

import pytest
from django.contrib.postgres.fields import ArrayField
from django.core.management import call_command
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation

from core import registries
from core.models import AccessibilityReport, OutboxMessage
from core.outbox import outbox_enqueue
from core.personal_data import (
    NotPersonalData,
    PersonalData,
    Retention,
    declarations,
    erase_for_email,
    export_for_email,
)
from core.signals import portal_app_configs

ADDRESS = "Eva.Ek@Example.se"


def _holds_email(model_field) -> bool:
    if isinstance(model_field, ArrayField):
        return _holds_email(model_field.base_field)
    return isinstance(model_field, models.EmailField)


def models_with_email_fields() -> list[str]:
    found = []
    for config in portal_app_configs():
        for model in config.get_models():
            if any(_holds_email(f) for f in model._meta.get_fields() if f.concrete):
                found.append(model._meta.label)
    return sorted(found)


def test_every_model_with_an_email_field_is_declared():
    undeclared = [
        label for label in models_with_email_fields() if label not in registries.personal_data
    ]
    assert undeclared == []


def test_the_check_above_sees_the_email_fields_of_every_app():
    found = models_with_email_fields()
    for app in ("core", "partnerships", "programmes", "knowledge", "alerts"):
        assert any(label.startswith(f"{app}.") for label in found), app


def test_declarations_name_real_fields_and_every_kind_has_a_period():
    for declaration in declarations():
        meta = declaration.model_class._meta
        for name in (*declaration.fields, *declaration.email_fields):
            meta.get_field(name)
        assert str(declaration.retention.period)
        assert str(declaration.kind)


def test_a_model_declared_twice_is_an_error():
    with pytest.raises(registries.AlreadyRegistered):
        registries.personal_data.register(
            "core.AccessibilityStatement", NotPersonalData("core.AccessibilityStatement", "again")
        )


@pytest.fixture
def person(db):
    """The same person in the foundation and in alerts, with emails queued about them."""
    report = AccessibilityReport.objects.create(
        kind="barrier",
        description="The map cannot be used by keyboard, says Eva Ek.",
        name="Eva Ek",
        email=ADDRESS,
        language="sv",
        submission_token=uuid.uuid4(),
    )
    from alerts.models import Subscription

    Subscription.objects.create(
        email=ADDRESS.lower(), language="sv", kind="events", submission_token=uuid.uuid4()
    )
    outbox_enqueue(
        to=[ADDRESS.lower()],
        template="core/emails/accessibility_report_received",
        context={"report": report},
        language="sv",
    )
    outbox_enqueue(
        to=["tillganglighet@icld.se"],
        template="core/emails/accessibility_report_staff",
        context={"report": report},
        language="sv",
        reply_to=ADDRESS,
    )
    OutboxMessage.objects.create(
        to=["someone.else@example.se"],
        subject="Other",
        body_text="Nothing about her",
        language="sv",
        message_id="<other@x>",
    )
    return report


def test_export_gathers_every_app_and_the_outbox(person):
    data = export_for_email(ADDRESS.upper())
    kinds = {kind["model"]: kind["rows"] for kind in data["kinds"]}
    assert {"core.AccessibilityReport", "alerts.Subscription", "core.OutboxMessage"} <= set(kinds)
    assert kinds["core.AccessibilityReport"][0]["name"] == "Eva Ek"
    assert len(kinds["core.OutboxMessage"]) == 2  # the receipt and the team notice
    json.dumps(data)  # plain data only


def test_erase_leaves_no_row_and_no_message_about_the_person(person):
    counts = erase_for_email(ADDRESS)
    assert counts["core.AccessibilityReport"] == 1
    assert counts["alerts.Subscription"] == 1
    assert counts["core.OutboxMessage"] == 2
    assert export_for_email(ADDRESS)["kinds"] == []
    for message in OutboxMessage.objects.all():
        text = f"{message.to} {message.reply_to} {message.body_text} {message.body_html}"
        assert "eva" not in text.lower()
    assert OutboxMessage.objects.filter(message_id="<other@x>").exists()


def test_an_empty_address_finds_and_erases_nothing(person):
    assert export_for_email("  ")["kinds"] == []
    assert all(count == 0 for count in erase_for_email("").values())
    assert AccessibilityReport.objects.exists()


def test_commands_export_and_erase_across_apps(person, tmp_path):
    target = tmp_path / "export.json"
    call_command("export_personal_data", ADDRESS, "--output", str(target), stdout=StringIO())
    exported = json.loads(target.read_text())
    assert exported["email"] == ADDRESS and exported["kinds"]
    output = StringIO()
    call_command("erase_personal_data", ADDRESS, "--yes", stdout=output)
    assert "core.AccessibilityReport: 1" in output.getvalue()
    assert not AccessibilityReport.objects.exists()


def test_retention_runs_every_declared_rule(db):
    from alerts.models import Subscription

    stale = Subscription.objects.create(
        email="old@example.se", language="sv", kind="events", submission_token=uuid.uuid4()
    )
    Subscription.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(days=30))
    fresh = Subscription.objects.create(
        email="new@example.se", language="sv", kind="events", submission_token=uuid.uuid4()
    )
    output = StringIO()
    call_command("apply_retention", stdout=output)
    assert "alerts.Subscription: erased 1" in output.getvalue()
    assert list(Subscription.objects.all()) == [fresh]


def test_a_rule_without_due_rows_is_left_to_staff(db):
    manual = PersonalData(
        model="core.Page",
        kind="Test",
        fields=("title_sv",),
        email_fields=(),
        retention=Retention(period="Reviewed by hand"),
    )
    with registries.personal_data.registered("test.manual", manual):
        output = StringIO()
        call_command("apply_retention", "--dry-run", stdout=output)
    assert "core.Page" not in output.getvalue()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_privacy_notice_lists_every_declared_kind_with_its_period(db, client, language):
    with translation.override(language):
        url = reverse("core:privacy")
        expected = [(str(d.kind), str(d.retention.period)) for d in declarations()]
    text = client.get(url).text
    for kind, period in expected:
        assert escape(kind) in text and escape(period) in text, kind
