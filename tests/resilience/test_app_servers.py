"""Two app servers with no shared memory: same data, shared sessions and rate limit, and one
dying does not affect the other. Also many people submitting at once, and a mail outage."""

import signal
import threading
import uuid

import pytest

from tests.e2e.harness import start_portal
from tests.resilience.client import PortalClient, accessibility_report

ADMIN_PASSWORD = "a-long-test-password-4711"
# Both servers sit behind one (simulated) reverse proxy that sets X-Forwarded-For.
SERVER_ENV = {"ICLD_FORM_RATE_LIMIT": "3", "ICLD_TRUSTED_PROXY_COUNT": "1"}


def redis_answers() -> bool:
    import socket

    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", 6379)) == 0


# The shared cache is PostgreSQL without REDIS_URL, Redis with it (as in production): both
# must hold the rate limit across servers. Redis database 13 is the tests' own.
CACHES = {
    "postgresql": {"REDIS_URL": ""},
    "redis": {"REDIS_URL": "redis://127.0.0.1:6379/13"},
}


@pytest.fixture(
    scope="module",
    params=[
        "postgresql",
        pytest.param(
            "redis",
            marks=pytest.mark.skipif(not redis_answers(), reason="no Redis on 127.0.0.1:6379"),
        ),
    ],
)
def two_servers(request, tmp_path_factory, resilience_database, django_db_blocker):
    from tests.e2e.harness import drop_database

    server_env = {**SERVER_ENV, **CACHES[request.param]}
    first_dir = tmp_path_factory.mktemp("server-a")
    with django_db_blocker.unblock():
        first = start_portal(
            first_dir, database=resilience_database, seed=False, extra_env=server_env
        )
    second = start_portal(
        tmp_path_factory.mktemp("server-b"),
        database=resilience_database,
        db_url=first.env["DATABASE_URL"],
        prepare=False,
        mail_worker=False,
        secret_key=first.env["DJANGO_SECRET_KEY"],
        static_root=first_dir / "static",
        extra_env=server_env,
    )
    first.manage(
        "shell",
        "-c",
        (
            "from django.contrib.auth.models import User; "
            f"User.objects.create_superuser('admin', 'admin@icld.se', '{ADMIN_PASSWORD}')"
        ),
    )
    yield first, second
    first.stop()
    second.stop()
    with django_db_blocker.unblock():
        drop_database(resilience_database)


def test_both_servers_serve_the_same_data(two_servers):
    first, second = two_servers
    first.manage(
        "shell",
        "-c",
        (
            "from core.models import Page; "
            "Page.objects.filter(key='about').update(lead_en='Written through server A')"
        ),
    )
    assert "Written through server A" in PortalClient(second.base_url).get("/en/about/").body


def test_a_session_started_on_one_server_is_valid_on_the_other(two_servers):
    first, second = two_servers
    client = PortalClient(first.base_url)
    login = client.post_form(
        "/admin/login/?next=/admin/",
        {
            "username": "admin",
            "password": ADMIN_PASSWORD,
        },
        follow=False,
    )
    assert login.status == 302
    # Without a session, server B sends the visitor to the login page...
    assert "/admin/login/" in PortalClient(second.base_url).get("/admin/").url
    # ...but it knows the session that server A started (it lives in PostgreSQL).
    client.base_url = second.base_url
    assert "/admin/login/" not in client.get("/admin/").url


def test_the_rate_limit_holds_across_servers(two_servers):
    first, second = two_servers
    for number in range(3):
        answer = PortalClient(first.base_url).post_form(
            "/en/accessibility/report/", accessibility_report(f"limit {number}")
        )
        assert answer.status == 200 and answer.url.endswith("/thanks/")
    answer = PortalClient(second.base_url).post_form(
        "/en/accessibility/report/", accessibility_report("one too many")
    )
    assert answer.status == 429
    assert "one too many" in answer.body
    assert first.query(
        "SELECT count(*) FROM core_accessibilityreport WHERE description = 'one too many'"
    ) == [(0,)]
    first.manage("shell", "-c", "from django.core.cache import cache; cache.clear()")


def test_many_people_submitting_at_once_are_each_saved_once(two_servers):
    first, second = two_servers
    first.manage("shell", "-c", "from django.core.cache import cache; cache.clear()")
    descriptions = [f"samtidig {uuid.uuid4()}" for _ in range(24)]
    results = {}

    def submit(number, description, base_url):
        client = PortalClient(base_url, forwarded_for=f"198.51.100.{number}")
        token = str(uuid.uuid4())
        # Everyone double-clicks: the same submission arrives twice.
        results[description] = [
            client.post_form(
                "/sv/tillganglighet/rapportera/",
                {**accessibility_report(description), "submission_token": token},
            )
            for _ in range(2)
        ]

    with _raised_rate_limit(first, second):
        threads = [
            threading.Thread(target=submit, args=(i, d, (first, second)[i % 2].base_url))
            for i, d in enumerate(descriptions)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert all(answer.status == 200 for answers in results.values() for answer in answers)
    saved = dict(
        first.query(
            "SELECT description, count(*) FROM core_accessibilityreport "
            "WHERE description LIKE 'samtidig %%' GROUP BY description"
        )
    )
    assert saved == {description: 1 for description in descriptions}


class _raised_rate_limit:
    """Clear the shared rate-limit counters before and after a burst."""

    def __init__(self, *servers):
        self.servers = servers

    def __enter__(self):
        self.servers[0].manage("shell", "-c", "from django.core.cache import cache; cache.clear()")

    def __exit__(self, *exc):
        self.servers[0].manage("shell", "-c", "from django.core.cache import cache; cache.clear()")


def test_one_server_dying_does_not_affect_the_other(two_servers):
    first, second = two_servers
    first.processes[0].send_signal(signal.SIGKILL)
    first.processes[0].wait(timeout=10)
    for path in ("/healthz", "/sv/", "/en/accessibility/"):
        assert PortalClient(second.base_url).get(path).status == 200
