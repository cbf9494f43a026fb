"""Test databases copied from one migrated template instead of each being migrated afresh.

Every pytest-xdist worker needs a migrated test database, and so does every portal that the
browser and resilience tests serve. Running the migrations takes seconds each time; PostgreSQL
copies a database (``CREATE DATABASE ... TEMPLATE``) in a fraction of one. The template is
migrated once and kept on the server between runs. Its comment holds a fingerprint of what
the migrations are made of (the migration files, the project modules they import and the
apps' data folders), and a different fingerprint rebuilds it.
"""

from __future__ import annotations

import ast
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import django
import psycopg
from django.conf import settings

BASE_DIR = Path(__file__).resolve().parents[1]


def _test_database_name() -> str:
    db = settings.DATABASES["default"]
    return (db.get("TEST") or {}).get("NAME") or f"test_{db['NAME']}"


# Read once, at import (from the root conftest.py): later the settings name the worker's own
# test database, while the template is shared by all workers of a run.
TEMPLATE = f"{_test_database_name()}_template"


def served_database_name(kind: str) -> str:
    """The database of a portal the tests serve: one per checkout and pytest-xdist worker."""
    suffix = "".join(
        f"_{os.environ[name]}"
        for name in ("ICLD_TEST_DB", "PYTEST_XDIST_WORKER")
        if name in os.environ
    )
    return f"{settings.DATABASES['default']['NAME']}_{kind}{suffix}"


def connection_kwargs(database: str) -> dict:
    """psycopg arguments for ``database`` on the test server."""
    db = settings.DATABASES["default"]
    kwargs = {
        "dbname": database,
        "user": db["USER"] or None,
        "password": db["PASSWORD"] or None,
        "host": db["HOST"] or None,
        "port": db["PORT"] or None,
        "autocommit": True,
    }
    return {key: value for key, value in kwargs.items() if value is not None}


def database_url(database: str) -> str:
    db = settings.DATABASES["default"]
    host = db["HOST"]
    if host.startswith("/"):
        return f"postgresql://{db['USER'] or 'postgres'}@/{database}?host={host}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgresql://{auth}@{host or '127.0.0.1'}:{db['PORT'] or 5432}/{database}"


def _imported_project_files(path: Path) -> set[Path]:
    files = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            # `from core import facets` imports the module core/facets.py, not only core.
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        for name in names:
            module = BASE_DIR.joinpath(*name.split("."))
            for candidate in (module.with_suffix(".py"), module / "__init__.py"):
                if candidate.is_file():
                    files.add(candidate)
    return files


def fingerprint() -> str:
    migrations = sorted(BASE_DIR.glob("*/migrations/*.py"))
    files = set(migrations)
    for app in {path.parent.parent for path in migrations}:
        files |= set(app.glob("data/**/*"))  # what data migrations load
    for migration in migrations:
        files |= _imported_project_files(migration)
    digest = hashlib.sha256(django.get_version().encode())
    for path in sorted(p for p in files if p.is_file()):
        digest.update(path.relative_to(BASE_DIR).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def _build_template(conn: psycopg.Connection, stamp: str) -> None:
    conn.execute(f'DROP DATABASE IF EXISTS "{TEMPLATE}" WITH (FORCE)')
    conn.execute(f'CREATE DATABASE "{TEMPLATE}"')
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "icld_portal.settings.test",
        "DATABASE_URL": database_url(TEMPLATE),
    }
    for command in (["migrate", "--noinput", "-v", "0"], ["createcachetable"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=BASE_DIR, env=env, check=True)
    # Set last: a template whose migrations failed half-way has no stamp and is rebuilt.
    conn.execute(f"COMMENT ON DATABASE \"{TEMPLATE}\" IS 'migrations {stamp}'")


def clone(database: str, *, replace: bool = True) -> None:
    """Create ``database`` as a copy of the template, migrating the template first if needed.

    With ``replace=False`` an existing ``database`` is kept as it is (``--reuse-db``).
    """
    stamp = fingerprint()
    with psycopg.connect(**connection_kwargs("postgres")) as conn:
        # One process at a time builds the template and copies it (a database being copied
        # must have no other connections), whatever the number of workers and portals.
        conn.execute("SELECT pg_advisory_lock(hashtext(%s))", [TEMPLATE])
        try:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [database]
            ).fetchone()
            if exists and not replace:
                return
            comment = conn.execute(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
                [TEMPLATE],
            ).fetchone()
            if comment is None or comment[0] != f"migrations {stamp}":
                _build_template(conn, stamp)
            conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{database}" TEMPLATE "{TEMPLATE}"')
        finally:
            conn.execute("SELECT pg_advisory_unlock(hashtext(%s))", [TEMPLATE])
