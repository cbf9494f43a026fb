"""Admin login lockout: per username and per client address, in the shared cache."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from staff import conf, lockout
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
def officer(make_staff, lockout_cache):
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


def test_username_lock_holds_from_another_address_and_ignores_case(officer):
    first = Client(REMOTE_ADDR="192.0.2.1")
    for _ in range(conf.login_failure_limit()):
        attempt(first, "anna", "wrong")
    elsewhere = Client(REMOTE_ADDR="198.51.100.7")
    assert LOCKED_SV in attempt(elsewhere, "ANNA", PASSWORD).text
    assert not signed_in(elsewhere)


def test_address_lock_covers_every_username_from_it(officer, make_staff):
    make_staff(username="bertil")
    sprayer = Client(REMOTE_ADDR="203.0.113.5")
    for number in range(conf.login_failure_limit()):
        attempt(sprayer, f"guess{number}", "Summer2026!")
    assert LOCKED_SV in attempt(sprayer, "bertil", PASSWORD).text
    # Someone else, from another address, is not affected.
    colleague = Client(REMOTE_ADDR="203.0.113.6")
    assert attempt(colleague, "bertil", PASSWORD).status_code == 302


def test_unknown_usernames_count_too(lockout_cache, rf):
    request = rf.post("/", REMOTE_ADDR="192.0.2.50")
    for _ in range(conf.login_failure_limit() - 1):
        assert not lockout.record_failure(request, "nobody")
    assert lockout.record_failure(request, "nobody")
    assert lockout.is_locked(rf.post("/", REMOTE_ADDR="192.0.2.99"), "Nobody")


def test_lock_ends_after_the_lockout_period(client, officer, settings):
    settings.STAFF_LOGIN_LOCKOUT_SECONDS = 1
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


def test_cache_keys_hold_no_usernames_or_addresses(lockout_cache, rf):
    request = rf.post("/", REMOTE_ADDR="192.0.2.77")
    lockout.record_failure(request, "secret-name")
    keys = [subject.key("fail") for subject in lockout.subjects_for(request, "secret-name")]
    assert all(lockout_cache.get(key) == 1 for key in keys)
    assert not any("secret-name" in key or "192.0.2.77" in key for key in keys)


def test_lockout_uses_a_shared_cache_backend():
    backend = settings.CACHES[conf.lockout_cache_alias()]["BACKEND"]
    assert backend in {
        "django.core.cache.backends.db.DatabaseCache",
        "django.core.cache.backends.redis.RedisCache",
    }
    assert "locmem" not in type(caches[conf.lockout_cache_alias()]).__module__


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
    caches[conf.lockout_cache_alias()].clear()
    make_staff(username="anna")
    script = (
        "import django; django.setup()\n"
        "from django.test import RequestFactory\n"
        "from staff import conf, lockout\n"
        "request = RequestFactory().post('/', REMOTE_ADDR='192.0.2.200')\n"
        "print(any(lockout.record_failure(request, 'anna') "
        "for _ in range(conf.login_failure_limit())))\n"
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
    assert result.stdout.strip().endswith("True")
    try:
        response = attempt(Client(REMOTE_ADDR="198.51.100.1"), "anna", PASSWORD)
        assert LOCKED_SV in response.text
    finally:
        caches[conf.lockout_cache_alias()].clear()
