"""Admin login lockout (django-axes): one username from one address, counted in PostgreSQL."""

import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from staff import conf
from staff.tests.conftest import PASSWORD

BASE_DIR = Path(__file__).resolve().parents[2]
LOCKED_EN = "Too many failed sign-in attempts"
LOCKED_SV = "För många misslyckade inloggningsförsök"


def attempt(client, username, password, **extra):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        **extra,
    )


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture
def officer(make_staff):
    return make_staff(username="anna")


def test_four_failures_then_the_right_password_signs_in(client, officer):
    for _ in range(conf.login_failure_limit() - 1):
        response = attempt(client, "anna", "wrong password")
        assert response.status_code == 200
        assert not signed_in(client)
    response = attempt(client, "anna", PASSWORD)
    assert response.status_code == 302
    assert signed_in(client)


def test_success_clears_the_usernames_count(client, officer):
    for _ in range(conf.login_failure_limit() - 1):
        attempt(client, "anna", "wrong password")
    assert attempt(client, "anna", PASSWORD).status_code == 302
    client.logout()
    other = Client(REMOTE_ADDR="10.0.0.9")  # its own address count, same username
    for _ in range(conf.login_failure_limit() - 1):
        attempt(other, "anna", "wrong password")
    assert attempt(other, "anna", PASSWORD).status_code == 302


def test_fifth_failure_locks_and_the_right_password_is_refused(client, officer):
    for _ in range(conf.login_failure_limit() - 1):
        assert LOCKED_EN not in attempt(client, "anna", "wrong", HTTP_ACCEPT_LANGUAGE="en").text
    fifth = attempt(client, "anna", "wrong", HTTP_ACCEPT_LANGUAGE="en")
    assert LOCKED_EN in fifth.text
    refused = attempt(client, "anna", PASSWORD, HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 200
    assert LOCKED_EN in refused.text
    assert "15 minutes" in refused.text
    assert not signed_in(client)


def test_lockout_message_is_in_the_visitors_language(client, officer):
    for _ in range(conf.login_failure_limit()):
        attempt(client, "anna", "wrong")
    swedish = attempt(client, "anna", PASSWORD, HTTP_ACCEPT_LANGUAGE="sv")
    assert LOCKED_SV in swedish.text
    assert 'lang="sv"' in swedish.text
    english = attempt(client, "anna", PASSWORD, HTTP_ACCEPT_LANGUAGE="en")
    assert LOCKED_EN in english.text


def test_a_lock_covers_one_username_from_one_address_and_ignores_case(officer):
    first = Client(REMOTE_ADDR="192.0.2.1")
    for _ in range(conf.login_failure_limit()):
        attempt(first, "anna", "wrong")
    assert LOCKED_SV in attempt(first, "ANNA ", PASSWORD).text
    assert not signed_in(first)
    # Knowing the username is not enough to keep its owner out.
    elsewhere = Client(REMOTE_ADDR="198.51.100.7")
    assert attempt(elsewhere, "anna", PASSWORD).status_code == 302


def test_repeated_locks_from_an_attacker_never_reach_the_owner(officer):
    attacker = Client(REMOTE_ADDR="203.0.113.5")
    for _ in range(3 * conf.login_failure_limit()):
        attempt(attacker, "anna", "wrong")
    assert LOCKED_SV in attempt(attacker, "anna", PASSWORD).text
    assert attempt(Client(REMOTE_ADDR="192.0.2.10"), "anna", PASSWORD).status_code == 302


def test_one_address_spraying_many_usernames_is_stopped(officer, make_staff, settings):
    settings.STAFF_LOGIN_ATTEMPTS_PER_ADDRESS = 8
    make_staff(username="bertil")
    sprayer = Client(REMOTE_ADDR="203.0.113.5")
    for number in range(8):
        attempt(sprayer, f"guess{number}", "Summer2026!")
    refused = attempt(sprayer, "bertil", PASSWORD, HTTP_ACCEPT_LANGUAGE="en")
    assert "Too many sign-in attempts from your network" in refused.text
    assert not signed_in(sprayer)
    colleague = Client(REMOTE_ADDR="203.0.113.6")
    assert attempt(colleague, "bertil", PASSWORD).status_code == 302


def test_the_person_is_emailed_once_per_lock(officer):
    from core.models import OutboxMessage

    attacker = Client(REMOTE_ADDR="203.0.113.5")
    for _ in range(conf.login_failure_limit() + 3):
        attempt(attacker, "anna", "wrong")
    messages = OutboxMessage.objects.filter(to=["officer@icld.se"])
    assert messages.count() == 1
    message = messages.get()
    assert "203.0.113.5" in message.body_text and "anna" in message.body_text
    assert "spärrades" in message.body_text and "was locked" in message.body_text
    assert "&#" not in message.body_text and "&amp;" not in message.body_text


def test_an_administrator_unlocks_in_admin(officer, staff_client):
    from staff.models import SignInLock

    client = Client(REMOTE_ADDR="192.0.2.1")
    for _ in range(conf.login_failure_limit()):
        attempt(client, "anna", "wrong")
    lock = SignInLock.objects.get()
    listing = staff_client.get(reverse("admin:staff_signinlock_changelist"))
    assert listing.status_code == 200
    assert "anna" in listing.text and "Spärrad" in listing.text
    lifted = staff_client.post(
        reverse("admin:staff_signinlock_changelist"),
        {"action": "lift_locks", "_selected_action": [lock.pk]},
    )
    assert lifted.status_code == 302
    assert attempt(client, "anna", PASSWORD).status_code == 302


def test_a_flood_of_page_cache_entries_does_not_lift_a_lock(officer):
    from django.core.cache import cache

    client = Client(REMOTE_ADDR="192.0.2.1")
    for _ in range(conf.login_failure_limit()):
        attempt(client, "anna", "wrong")
    for number in range(3000):
        cache.set(f"page:flood:{number}", "x", 300)
    cache.clear()
    assert LOCKED_SV in attempt(client, "anna", PASSWORD).text


def test_lock_ends_after_the_lockout_period(client, officer, settings):
    settings.AXES_COOLOFF_TIME = timedelta(seconds=1)
    for _ in range(conf.login_failure_limit()):
        attempt(client, "anna", "wrong")
    assert LOCKED_SV in attempt(client, "anna", PASSWORD).text
    time.sleep(1.5)
    assert attempt(client, "anna", PASSWORD).status_code == 302


def test_unlock_command_lifts_the_lock(client, officer):
    from django.core.management import call_command

    for _ in range(conf.login_failure_limit()):
        attempt(client, "anna", "wrong")
    call_command("unlock_staff_login", "--username", "anna", "--address", "127.0.0.1")
    assert attempt(client, "anna", PASSWORD).status_code == 302


def test_two_clients_share_the_lock(officer):
    # Two browsers (or two app servers' requests) from one address see one count.
    first, second = Client(), Client()
    for _ in range(2):
        attempt(first, "anna", "wrong")
    for _ in range(conf.login_failure_limit() - 2):
        attempt(second, "anna", "wrong")
    assert LOCKED_SV in attempt(first, "anna", PASSWORD).text


def _database_url() -> str:
    db = settings.DATABASES["default"]
    host = db["HOST"]
    if host.startswith("/"):
        return f"postgresql://{db['USER'] or 'postgres'}@/{db['NAME']}?host={host}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgresql://{auth}@{host or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_lock_set_by_another_process_holds_here(make_staff):
    """Another app server (a separate process on the same database) locks; this one refuses."""
    make_staff(username="anna")
    script = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "from django.test.utils import setup_test_environment\n"
        "from staff import conf\n"
        "setup_test_environment()\n"
        "client = Client(REMOTE_ADDR='192.0.2.200')\n"
        "for _ in range(conf.login_failure_limit()):\n"
        "    client.post('/admin/login/', {'username': 'anna', 'password': 'wrong'})\n"
        "from axes.models import AccessAttempt\n"
        "print(AccessAttempt.objects.filter(username='anna').count())\n"
    )
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "DJANGO_SETTINGS_MODULE": "icld_portal.settings.test",
    }
    env.pop("ICLD_TEST_DB", None)
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("1")
    response = attempt(Client(REMOTE_ADDR="192.0.2.200"), "anna", PASSWORD)
    assert LOCKED_SV in response.text
    assert attempt(Client(REMOTE_ADDR="192.0.2.201"), "anna", PASSWORD).status_code == 302
