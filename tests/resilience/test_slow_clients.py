"""Slow clients and huge bodies against gunicorn started as `make serve` starts it.

A handful of connections that send their headers or bodies a byte at a time must not take
the site or /healthz down, and a 200 MB upload to a public form is refused before any of it
is written anywhere.
"""

import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.e2e.harness import BASE_DIR, drop_database, free_port, start_portal
from tests.resilience.client import PortalClient

SLOW_CONNECTIONS = 10  # of each kind: headers, bodies (the old 4 sync workers gave way)


@pytest.fixture(scope="module")
def served(tmp_path_factory, resilience_database, django_db_blocker):
    """The portal's data and static files (start_portal), then gunicorn exactly as the
    Makefile's `serve` target runs it: `gunicorn --config gunicorn.conf.py --bind ...`."""
    tmp = tmp_path_factory.mktemp("slow")
    with django_db_blocker.unblock():
        portal = start_portal(tmp, database=resilience_database, seed=False, mail_worker=False)
    upload_tmp = tmp / "uploads-tmp"
    upload_tmp.mkdir()
    port = free_port()
    env = {**portal.env, "TMPDIR": str(upload_tmp), "ICLD_BODY_READ_TIMEOUT": "3"}
    env.pop("WEB_CONCURRENCY", None)
    log = open(tmp / "serve.log", "a")  # noqa: SIM115 - closed with the process
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"]
        + ["--bind", f"127.0.0.1:{port}"],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while not (_listening(port) and PortalClient(base_url).get("/healthz").status == 200):
        assert time.monotonic() < deadline, (tmp / "serve.log").read_text()
        time.sleep(0.2)
    yield base_url, upload_tmp
    server.terminate()
    server.wait(timeout=30)
    portal.stop()
    with django_db_blocker.unblock():
        drop_database(resilience_database)


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _trickle(port: int, head: bytes, then: bytes, stop: threading.Event) -> None:
    """Open a connection, send ``head``, then ``then`` one byte every half second."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(head)
        for byte in then:
            if stop.wait(0.5):
                return
            try:
                sock.send(bytes([byte]))
            except OSError:
                return  # the server gave up on us: as it should, eventually


def timed_get(base_url: str, path: str) -> tuple[int, float]:
    started = time.monotonic()
    answer = PortalClient(base_url).get(path)
    return answer.status, time.monotonic() - started


def test_slow_headers_and_slow_bodies_do_not_starve_the_site(served):
    base_url, _ = served
    port = int(base_url.rsplit(":", 1)[1])
    stop = threading.Event()
    slow_header = b"GET /sv/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    slow_body = (
        b"POST /sv/tillganglighet/rapportera/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000\r\n\r\n"
    )
    clients = [
        threading.Thread(target=_trickle, args=(port, slow_header, b"X-Slow: " + b"a" * 200, stop))
        for _ in range(SLOW_CONNECTIONS)
    ] + [
        threading.Thread(
            target=_trickle, args=(port, slow_body, b"description=" + b"b" * 400, stop)
        )
        for _ in range(SLOW_CONNECTIONS)
    ]
    for client in clients:
        client.start()
    try:
        time.sleep(2)  # every slow connection is open and has been handed to the server
        for _ in range(5):
            for path in ("/healthz", "/sv/", "/en/accessibility/"):
                status, seconds = timed_get(base_url, path)
                assert status == 200, path
                assert seconds < 3, f"{path} took {seconds:.1f} s beside slow clients"
            time.sleep(0.5)
    finally:
        stop.set()
        for client in clients:
            client.join(timeout=10)


def test_a_200_mb_upload_to_a_public_form_is_refused_before_anything_is_written(served):
    """Streamed, never held in memory: the server answers 413 after the headers alone."""
    base_url, upload_tmp = served
    port = int(base_url.rsplit(":", 1)[1])
    size = 200 * 1024 * 1024
    boundary = "icldboundary"
    head = (
        "POST /sv/tillganglighet/rapportera/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
        f"Content-Length: {size}\r\nConnection: close\r\n\r\n"
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()
    chunk = b"\0" * 65536
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        sock.sendall(head)
        started = time.monotonic()
        sock.settimeout(0.05)
        answer = b""
        # Keep sending (as a browser would) until the server answers or stops reading.
        while sent < size and time.monotonic() - started < 20:
            try:
                sock.sendall(chunk)
                sent += len(chunk)
            except (TimeoutError, BlockingIOError, BrokenPipeError, ConnectionResetError):
                break
            try:
                answer += sock.recv(65536)
                if answer:
                    break
            except TimeoutError:
                continue
        sock.settimeout(10)
        try:
            while data := sock.recv(65536):
                answer += data
        except (TimeoutError, ConnectionResetError):
            pass
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert "för stort".encode() in answer  # the Swedish page of a /sv/ address
    assert sent < size  # the answer came long before the upload could have ended
    assert list(Path(upload_tmp).iterdir()) == []  # no temporary upload file
    assert timed_get(base_url, "/healthz")[0] == 200


def test_a_body_slower_than_the_read_timeout_frees_its_thread(served):
    """A body that stops arriving: the read gives up (ICLD_BODY_READ_TIMEOUT), no 5xx."""
    base_url, _ = served
    port = int(base_url.rsplit(":", 1)[1])
    head = (
        b"POST /sv/tillganglighet/rapportera/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n"
        b"description=half"
    )
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(head)
        started = time.monotonic()
        answer = b""
        try:
            while data := sock.recv(65536):
                answer += data
        except (ConnectionResetError, TimeoutError):
            pass
    assert time.monotonic() - started < 15
    assert not answer.startswith(b"HTTP/1.1 5"), answer[:200]
