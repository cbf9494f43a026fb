"""The cache only speeds the portal up: with Redis gone every page still answers (uncached),
and nothing that protects the site lives in it, so neither an outage nor a flood of invented
addresses lifts a sign-in lock."""

import json
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.e2e.harness import drop_database, free_port, start_portal
from tests.resilience.client import PortalClient, accessibility_report

PASSWORD = "a-long-test-password-4711"
PAGES = ("/sv/", "/en/", "/en/about/", "/sitemap.xml", "/sv/kommunala-partnerskap/partnerskap/")

pytestmark = pytest.mark.skipif(not shutil.which("redis-server"), reason="no redis-server")


class PrivateRedis:
    """A Redis of the test's own (never the machine's), stopped and started at will."""

    def __init__(self, directory):
        self.port = free_port()
        self.directory = directory
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError("the private Redis did not start")

    def kill(self):
        self.process.kill()
        self.process.wait(timeout=10)

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"


def fetch(url: str) -> tuple[int, dict, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def sign_in(server, username: str, password: str) -> PortalClient:
    client = PortalClient(server.base_url)
    client.post_form(
        "/admin/login/?next=/admin/", {"username": username, "password": password}, follow=False
    )
    return client


def is_signed_in(client: PortalClient) -> bool:
    return any(cookie.name == "sessionid" for cookie in client.cookies)


@pytest.fixture(scope="module")
def redis_and_portal(tmp_path_factory, resilience_database, django_db_blocker):
    redis = PrivateRedis(tmp_path_factory.mktemp("redis"))
    redis.start()
    with django_db_blocker.unblock():
        server = start_portal(
            tmp_path_factory.mktemp("portal"),
            database=resilience_database,
            seed=False,
            extra_env={"REDIS_URL": redis.url, "ICLD_PAGE_CACHE_SECONDS": "300"},
        )
    server.manage(
        "shell",
        "-c",
        "from django.contrib.auth.models import User; "
        f"User.objects.create_superuser('anna', 'anna@icld.se', '{PASSWORD}')",
    )
    yield redis, server
    server.stop()
    if redis.process.poll() is None:
        redis.kill()
    with django_db_blocker.unblock():
        drop_database(resilience_database)


def test_pages_answer_while_redis_is_down_and_are_cached_again_after(redis_and_portal):
    redis, server = redis_and_portal
    for path in PAGES:
        fetch(server.url(path))
        status, headers, _body = fetch(server.url(path))
        assert (status, headers.get("X-Page-Cache")) == (200, "hit"), path
    redis.kill()
    for path in PAGES:
        status, headers, body = fetch(server.url(path))
        assert status == 200, path
        assert "X-Page-Cache" not in headers
    status, _headers, body = fetch(server.url("/healthz"))
    assert status == 200
    assert json.loads(body) == {"status": "degraded", "database": "ok", "cache": "unavailable"}
    # A form still works: nothing it needs is in the cache.
    answer = PortalClient(server.base_url).post_form(
        "/en/accessibility/report/", accessibility_report("Sent while Redis was down")
    )
    assert answer.status == 200 and answer.url.endswith("/en/accessibility/report/thanks/")
    assert server.query(
        "SELECT count(*) FROM core_accessibilityreport WHERE description = %s",
        ("Sent while Redis was down",),
    ) == [(1,)]
    redis.start()
    time.sleep(5.5)  # the backend leaves Redis alone for a few seconds after a failure
    assert json.loads(fetch(server.url("/healthz"))[2])["cache"] == "ok"
    fetch(server.url("/en/about/"))
    assert fetch(server.url("/en/about/"))[1].get("X-Page-Cache") == "hit"


def test_a_lock_holds_through_a_redis_outage_and_a_flood_of_addresses(redis_and_portal):
    redis, server = redis_and_portal
    if redis.process.poll() is not None:
        redis.start()
    for _ in range(5):
        sign_in(server, "anna", "wrong password")
    assert not is_signed_in(sign_in(server, "anna", PASSWORD))
    flood = [server.url(f"/robots.txt?x={number}") for number in range(3000)]
    flood += [server.url(f"/sv/kommunala-partnerskap/partnerskap/?page={n}") for n in range(300)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert {status for status, _h, _b in pool.map(fetch, flood)} <= {200, 404}
    redis.kill()
    assert not is_signed_in(sign_in(server, "anna", PASSWORD))
    redis.start()
    assert not is_signed_in(sign_in(server, "anna", PASSWORD))
