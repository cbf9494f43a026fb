"""The guard in front of Django (icld_portal/body_limit.py), called as gunicorn calls the
application in icld_portal/wsgi.py: bodies bounded before anything reads them, and hostile
Content-Type headers never a 5xx."""

import io
import tempfile
from pathlib import Path

import pytest
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

FORM = "/sv/tillganglighet/rapportera/"


class CountingStream:
    """A body of ``size`` bytes that exists only as it is read (never allocated)."""

    def __init__(self, size: int):
        self.size = size
        self.read_bytes = 0

    def read(self, n: int = -1) -> bytes:
        n = self.size - self.read_bytes if n is None or n < 0 else n
        n = min(n, self.size - self.read_bytes, 1 << 20)
        self.read_bytes += n
        return b"a" * n

    def readline(self, n: int = -1) -> bytes:
        return self.read(n)


@pytest.fixture
def wsgi(settings):
    """Call the production WSGI application in this process, inside the test's transaction
    (as Django's test client does, the request signals do not close the connection)."""
    settings.DEBUG = False
    from icld_portal.wsgi import application

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)

    def call(path: str, *, method: str = "POST", body=b"", length=None, headers=None):
        stream = body if hasattr(body, "read") else io.BytesIO(body)
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "testserver",
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.input": stream,
            "wsgi.errors": io.StringIO(),
            "wsgi.url_scheme": "http",
            "wsgi.version": (1, 0),
            "wsgi.multithread": True,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        if length is not None:
            environ["CONTENT_LENGTH"] = str(length)
        for name, value in (headers or {}).items():
            key = name.upper().replace("-", "_")
            environ[key if key == "CONTENT_TYPE" else f"HTTP_{key}"] = value
        answer = {}

        def start_response(status, response_headers, exc_info=None):
            answer["status"] = int(status.split()[0])
            answer["headers"] = dict(response_headers)

        chunks = application(environ, start_response)
        try:
            answer["body"] = b"".join(chunks).decode("utf-8", errors="replace")
        finally:
            if hasattr(chunks, "close"):
                chunks.close()
        return answer

    yield call
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def temp_files() -> set[Path]:
    return set(Path(tempfile.gettempdir()).iterdir())


def test_a_200_mb_post_to_a_public_form_is_refused_unread(wsgi):
    before = temp_files()
    body = CountingStream(200 * 1024 * 1024)
    answer = wsgi(
        FORM,
        body=body,
        length=body.size,
        headers={"Content-Type": "multipart/form-data; boundary=x"},
    )
    assert answer["status"] == 413
    assert 'lang="sv"' in answer["body"] and "1 MB" in answer["body"]
    assert body.read_bytes == 0
    assert temp_files() - before == set()


def test_the_413_page_is_english_under_en(wsgi):
    answer = wsgi("/en/accessibility/report/", body=CountingStream(10**9), length=10**9)
    assert answer["status"] == 413
    assert "What you sent is too large" in answer["body"]


def test_admin_takes_larger_bodies_than_the_public_site(wsgi, settings):
    settings.ICLD_MAX_BODY_BYTES = 1000
    settings.ICLD_MAX_ADMIN_BODY_BYTES = 5000
    body = b"a=" + b"b" * 2998
    assert wsgi(FORM, body=body, length=len(body))["status"] == 413
    # Under /admin/ it reaches Django (which, without a CSRF token, refuses it: 403).
    assert wsgi("/admin/login/", body=body, length=len(body))["status"] == 403
    big = CountingStream(6000)
    assert wsgi("/admin/login/", body=big, length=big.size)["status"] == 413
    assert big.read_bytes == 0


def test_a_body_without_a_length_is_refused(wsgi):
    body = CountingStream(10**9)
    answer = wsgi(FORM, body=body, headers={"Transfer-Encoding": "chunked"})
    assert answer["status"] == 411 and body.read_bytes == 0


@pytest.mark.parametrize("length", ["-1", "12abc", "1e9", " ", "¹²"])
def test_a_bogus_content_length_is_a_400(wsgi, length):
    environ_length = length
    answer = wsgi(FORM, body=b"x", length=environ_length)
    assert answer["status"] in (400, 403)  # " " is no length: Django then reads nothing
    assert answer["status"] < 500


def test_no_more_than_content_length_is_ever_read(wsgi):
    body = CountingStream(10_000)
    wsgi(
        FORM,
        body=body,
        length=50,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert body.read_bytes <= 50


@pytest.mark.parametrize("charset", ["bogus", "utf-16", "x-user-defined", "utf-7"])
def test_a_form_in_an_unknown_or_unsupported_charset_is_a_400(wsgi, charset):
    body = b"description=hej"
    answer = wsgi(
        FORM,
        body=body,
        length=len(body),
        headers={"Content-Type": f"application/x-www-form-urlencoded; charset={charset}"},
    )
    assert answer["status"] == 400
    assert "Din förfrågan kunde inte läsas" in answer["body"]


_token = st.text(
    alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E, exclude_characters=";="),
    max_size=30,
)
_params = st.lists(
    st.tuples(st.sampled_from(["charset", "boundary", "Charset", "x", ""]), _token), max_size=4
)
content_types = st.builds(
    lambda base, params, sep: base + "".join(f"{sep}{name}={value}" for name, value in params),
    st.sampled_from(
        [
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "MULTIPART/FORM-DATA",
            "text/plain",
            "application/json",
            "",
        ]
    )
    | _token,
    _params,
    st.sampled_from(["; ", ";", " ;  "]),
)


@hypothesis_settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(content_type=content_types, body=st.binary(max_size=300))
def test_hostile_content_types_on_a_public_form_never_give_a_5xx(wsgi, content_type, body):
    answer = wsgi(FORM, body=body, length=len(body), headers={"Content-Type": content_type})
    assert answer["status"] < 500, (content_type, body, answer["body"][:300])
