"""Serve the portal in production mode for browser tests, and scan pages with axe-core.

The server is the real stack: gunicorn, DEBUG off, hashed and compressed static
files through whitenoise, the outbox worker delivering email to a folder, and
a database of its own (migrated and seeded with the demo content).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from tests import databases
from tests.databases import connection_kwargs, database_url

BASE_DIR = Path(__file__).resolve().parents[2]
AXE_PATH = Path(__file__).with_name("vendor") / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_executable() -> str | None:
    """$CHROMIUM_PATH, else the system's Chromium, else None (Playwright's own browser)."""
    if os.environ.get("CHROMIUM_PATH"):
        return os.environ["CHROMIUM_PATH"]
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def recreate_database(database: str) -> None:
    """A fresh copy of the migrated template (tests/databases.py) under ``database``."""
    databases.clone(database)


def drop_database(database: str) -> None:
    with psycopg.connect(**connection_kwargs("postgres")) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


@dataclass
class PortalServer:
    base_url: str
    database: str
    mail_dir: Path
    env: dict
    processes: list = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base_url + path

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        """Read the served portal's database directly (to check what a form saved)."""
        with psycopg.connect(self.env["DATABASE_URL"], autocommit=True) as conn:
            return conn.execute(sql, params).fetchall()

    def emails(self) -> list[str]:
        """Every email the outbox worker has delivered so far, as raw text."""
        if not self.mail_dir.exists():
            return []
        return [path.read_text(errors="replace") for path in sorted(self.mail_dir.glob("*.log"))]

    def wait_for_email(self, needle: str, timeout: float = 15) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for text in self.emails():
                if needle in text:
                    return text
            time.sleep(0.25)
        raise AssertionError(f"No email containing {needle!r} within {timeout} s")

    def manage(self, *args: str) -> str:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def start_portal(
    tmp_dir: Path,
    *,
    database: str,
    workers: int = 2,
    db_url: str | None = None,
    prepare: bool = True,
    seed: bool = True,
    secret_key: str | None = None,
    static_root: Path | None = None,
    mail_worker: bool = True,
    extra_env: dict | None = None,
) -> PortalServer:
    """Serve the portal with gunicorn in production mode.

    By default the database is a fresh copy of the migrated template on the test server, then
    migrated (as a deploy would; nothing is left to apply) and seeded. Pass
    ``db_url`` to use another server (e.g. a private one a test restarts), and ``prepare=False``
    with the first server's ``secret_key`` and ``static_root`` to start a second app server on
    the same data.
    """
    if db_url is None:
        recreate_database(database)
        db_url = database_url(database)
    port = free_port()
    mail_dir = tmp_dir / "mail"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "icld_portal.settings.base",
        "DATABASE_URL": db_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secret_key or secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_STATIC_ROOT": str(static_root or tmp_dir / "static"),
        "DJANGO_MEDIA_ROOT": str(tmp_dir / "media"),
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "DJANGO_EMAIL_FILE_PATH": str(mail_dir),
        "ICLD_SITE_URL": f"http://127.0.0.1:{port}",
        "DJANGO_LOG_LEVEL": "WARNING",
        **(extra_env or {}),
    }
    env.pop("ICLD_TEST_DB", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the test process only, never the server
    server = PortalServer(f"http://127.0.0.1:{port}", database, mail_dir, env)
    if prepare:
        server.manage("migrate", "--noinput", "-v", "0")
        server.manage("createcachetable")
        if seed:
            server.manage("seed_demo", "--allow-production")
        server.manage("collectstatic", "--noinput", "-v", "0")
    log = open(tmp_dir / "server.log", "a")  # noqa: SIM115 - closed with the process
    server.processes.append(
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "icld_portal.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--timeout",
                "60",
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    )
    if mail_worker:
        server.processes.append(
            subprocess.Popen(
                [sys.executable, "manage.py", "send_outbox", "--loop", "--interval", "0.3"],
                cwd=BASE_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(server.url("/healthz"), timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if time.monotonic() > deadline:
            server.stop()
            raise RuntimeError("The portal did not start: " + (tmp_dir / "server.log").read_text())
        time.sleep(0.2)
    return server


def axe_violations(page, *, tags: list[str] = WCAG_TAGS) -> list[dict]:
    """Run axe-core in the page (without weakening its CSP) and return the violations."""
    source = AXE_PATH.read_text()
    page.evaluate(source + "\n;0")
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(result => result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary)})))",
        tags,
    )


def assert_accessible(page, label: str = "") -> None:
    violations = axe_violations(page)
    assert not violations, f"axe found violations on {label or page.url}:\n" + json.dumps(
        violations, indent=2, ensure_ascii=False
    )
