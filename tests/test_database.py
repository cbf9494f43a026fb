"""Both ways of getting PostgreSQL: a DATABASE_URL, or the embedded server."""

import os
import subprocess
import sys

import psycopg
import pytest

from icld_portal.database import parse_database_url, start_embedded_server, stop_embedded_server


def test_database_url_with_host_and_port():
    config = parse_database_url(
        "postgres://icld:s%40cret@db.example.se:6543/portal?sslmode=require"
    )
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["USER"], config["PASSWORD"]) == ("portal", "icld", "s@cret")
    assert (config["HOST"], config["PORT"]) == ("db.example.se", "6543")
    assert config["OPTIONS"] == {"sslmode": "require"}


def test_database_url_with_a_unix_socket():
    config = parse_database_url("postgresql://postgres:@/icld?host=/srv/pg")
    assert (config["NAME"], config["HOST"], config["PORT"]) == ("icld", "/srv/pg", "")


@pytest.mark.parametrize("url", ["sqlite:///db.sqlite3", "mysql://root@localhost/icld"])
def test_only_postgresql_is_accepted(url):
    with pytest.raises(ValueError):
        parse_database_url(url)


@pytest.mark.django_db
def test_the_portals_queries_start_no_parallel_workers():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone()[0] == "0"


def test_embedded_server_starts_in_a_folder_of_its_own_and_speaks_swedish(private_dir):
    """The path `make run` takes on a laptop with no DATABASE_URL (CI itself uses a URL)."""
    data_dir = private_dir / "postgres"
    server = start_embedded_server(data_dir)
    try:
        with psycopg.connect(server.get_uri(), autocommit=True) as conn:
            version = conn.execute("SHOW server_version_num").fetchone()[0]
            assert int(version) >= 150000
            lexemes = conn.execute("SELECT to_tsvector('swedish', 'barnen')::text").fetchone()[0]
            assert lexemes == "'barn':1"
    finally:
        stop_embedded_server(data_dir)
    assert not (data_dir / "postmaster.pid").exists()


def test_settings_start_the_embedded_server_without_database_url():
    """`manage.py` with no DATABASE_URL gets a working database (here: the project's own)."""
    from icld_portal.database import EMBEDDED_DATA_DIR

    was_running = (EMBEDDED_DATA_DIR / "postmaster.pid").exists()
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["DJANGO_DEBUG"] = "1"
    result = subprocess.run(
        [sys.executable, "-m", "icld_portal.database", "url"],
        env=env,
        capture_output=True,
        text=True,
        cwd=os.path.dirname(os.path.dirname(__file__)),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    url = result.stdout.strip()
    assert url.startswith("postgresql://") and "host=" in url
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)
    if not was_running:  # leave the machine as we found it (CI runs with a DATABASE_URL)
        stop_embedded_server(EMBEDDED_DATA_DIR)


def test_the_test_template_is_rebuilt_when_a_module_a_migration_imports_changes():
    """A migration that runs `from core import facets` builds the template with core/facets.py:
    a change there must give a new fingerprint, or every run keeps the old triggers."""
    from tests import databases

    migration = databases.BASE_DIR / "partnerships" / "migrations" / "0018_facet_counts.py"
    imported = databases._imported_project_files(migration)
    assert databases.BASE_DIR / "core" / "facets.py" in imported
