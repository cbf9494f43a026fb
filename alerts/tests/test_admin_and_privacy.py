from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.urls import reverse

from alerts.tests.factories import make_subscription
from core.models import Page

pytestmark = pytest.mark.django_db
privacy_migration = import_module("alerts.migrations.0002_privacy_notice")


def test_the_privacy_notice_says_what_alerts_store_and_for_how_long_in_both_languages():
    page = Page.objects.get(key="privacy")
    assert page.body_sv.count(privacy_migration.MARKER) == 1
    assert page.body_en.count(privacy_migration.MARKER) == 1
    assert "raderas efter en vecka" in page.body_sv
    assert "deleted after a week" in page.body_en and "until you stop it" in page.body_en


def test_the_privacy_paragraph_is_added_only_once():
    privacy_migration.add_alerts_paragraph(django_apps, None)
    page = Page.objects.get(key="privacy")
    assert page.body_sv.count(privacy_migration.MARKER) == 1
    assert page.body_en.count(privacy_migration.MARKER) == 1


def test_the_privacy_page_shows_the_alerts_paragraph(client):
    response = client.get(reverse("core:privacy"))
    assert "Bevakningar" in response.text


def test_admin_lists_alerts_per_kind_confirmed_or_not_with_the_last_digest(staff_client):
    make_subscription(kind="events")
    make_subscription(kind="calls", confirmed=None)
    from alerts.models import Subscription

    Subscription.objects.filter(kind="calls").update(confirmed_at=None)
    url = reverse("admin:alerts_subscription_changelist")
    response = staff_client.get(url)
    assert response.status_code == 200
    assert (
        "last digest sent" in response.text.lower()
        or "senaste sammanställning" in response.text.lower()
    )
    response = staff_client.get(url + "?confirmed=no")
    assert response.context["cl"].result_count == 1
    response = staff_client.get(url + "?kind=events&confirmed=yes")
    assert response.context["cl"].result_count == 1
    for name in ("digest", "delivery", "managelinkrequest"):
        assert staff_client.get(reverse(f"admin:alerts_{name}_changelist")).status_code == 200
