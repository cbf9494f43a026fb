"""Staff sessions end when left idle and, however busy, half a day after signing in."""

import time

import pytest
from django.urls import reverse

from staff.middleware import LAST_SEEN_AT, SIGNED_IN_AT

pytestmark = pytest.mark.django_db


def shift(client, **seconds_ago):
    session = client.session
    now = time.time()
    for key, ago in seconds_ago.items():
        session[key] = now - ago
    session.save()


def test_an_active_session_stays_and_follows_the_idle_limit(staff_client, settings):
    assert staff_client.get(reverse("admin:index")).status_code == 200
    assert staff_client.session.get_expiry_age() <= settings.STAFF_SESSION_IDLE_SECONDS
    shift(staff_client, **{LAST_SEEN_AT: settings.STAFF_SESSION_IDLE_SECONDS - 120})
    assert staff_client.get(reverse("admin:index")).status_code == 200


def test_thirty_minutes_idle_signs_out(staff_client, settings):
    staff_client.get(reverse("admin:index"))
    shift(staff_client, **{LAST_SEEN_AT: settings.STAFF_SESSION_IDLE_SECONDS + 5})
    response = staff_client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert "_auth_user_id" not in staff_client.session


def test_twelve_hours_after_signing_in_the_session_ends_however_busy(staff_client, settings):
    staff_client.get(reverse("admin:index"))
    shift(staff_client, **{SIGNED_IN_AT: settings.STAFF_SESSION_MAX_SECONDS + 5})
    shift(staff_client, **{LAST_SEEN_AT: 10})
    response = staff_client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert "_auth_user_id" not in staff_client.session


def test_an_expired_staff_session_previews_no_draft(staff_client, settings):
    from partnerships.tests import factories
    from partnerships.tests.helpers import url

    draft = factories.partnership(publish=False)
    assert staff_client.get(url("detail", slug=draft.slug)).status_code == 200
    shift(staff_client, **{LAST_SEEN_AT: settings.STAFF_SESSION_IDLE_SECONDS + 5})
    assert staff_client.get(url("detail", slug=draft.slug)).status_code == 404
