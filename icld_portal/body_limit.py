"""A guard in front of Django: request bodies are bounded before anything reads them.

Django writes an upload to a temporary file while it parses the body, before the CSRF check
and the view: without a bound, anyone could fill the disk through a public form. This guard
answers from the headers alone, reading nothing:

* a Content-Length over the limit (small for the public site, larger under /admin/, where
  staff upload PDFs and images): 413;
* a body without a Content-Length (chunked): 411, as Django would read none of it anyway;
* a form in a charset other than UTF-8 (or none at all that Python knows): 400, never a 500.

What is then read is bounded twice: never beyond Content-Length, and each read gives up
after ``ICLD_BODY_READ_TIMEOUT`` seconds, so a client sending its body a byte at a time
cannot hold a server thread. In production a buffering reverse proxy sits in front as well
(README, "Production").
"""

from __future__ import annotations

from django.conf import settings
from django.template import loader
from django.utils import translation
from django.utils.http import parse_header_parameters

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
FORM_CHARSETS = ("utf-8", "utf8", "us-ascii", "ascii")
ADMIN_PREFIX = "/admin/"


def body_limit(path: str) -> int:
    if path.startswith(ADMIN_PREFIX):
        return settings.ICLD_MAX_ADMIN_BODY_BYTES
    return settings.ICLD_MAX_BODY_BYTES


class BoundedInput:
    """``wsgi.input`` read at most ``length`` bytes."""

    def __init__(self, stream, length: int):
        self.stream = stream
        self.remaining = length

    def read(self, size: int = -1) -> bytes:
        if self.remaining <= 0:
            return b""
        if size is None or size < 0 or size > self.remaining:
            size = self.remaining
        data = self.stream.read(size)
        self.remaining -= len(data)
        return data

    def readline(self, size: int = -1) -> bytes:
        if self.remaining <= 0:
            return b""
        if size is None or size < 0 or size > self.remaining:
            size = self.remaining
        data = self.stream.readline(size)
        self.remaining -= len(data)
        return data

    def __iter__(self):
        while line := self.readline():
            yield line


class BodyLimitMiddleware:
    """WSGI middleware: wraps the Django application in ``icld_portal/wsgi.py``."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        refusal = self.refusal(environ, path)
        if refusal is not None:
            status, template = refusal
            return self.refuse(start_response, path, status, template)
        length = int((environ.get("CONTENT_LENGTH") or "").strip() or 0)
        if length:
            environ["wsgi.input"] = BoundedInput(environ["wsgi.input"], length)
            sock = environ.get("gunicorn.socket")
            if sock is not None:
                sock.settimeout(settings.ICLD_BODY_READ_TIMEOUT)
        return self.application(environ, start_response)

    def refusal(self, environ, path: str) -> tuple[str, str] | None:
        raw_length = (environ.get("CONTENT_LENGTH") or "").strip()
        chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
        if raw_length:
            if not (raw_length.isascii() and raw_length.isdigit()):
                return "400 Bad Request", "errors/400_plain.html"
            if int(raw_length) > body_limit(path):
                return "413 Content Too Large", "errors/413.html"
        elif chunked:
            return "411 Length Required", "errors/400_plain.html"
        content_type, params = parse_header_parameters(environ.get("CONTENT_TYPE", ""))
        if content_type in FORM_TYPES and "charset" in params:
            if params["charset"].strip().lower() not in FORM_CHARSETS:
                return "400 Bad Request", "errors/400_plain.html"
        return None

    def refuse(self, start_response, path: str, status: str, template: str):
        # Rendered without the database or a request, as the 500 page is.
        language = translation.get_language_from_path(path) or "sv"
        with translation.override(language):
            html = loader.get_template(template).render(
                {"LANGUAGE_CODE": language, "limit_mb": max(1, body_limit(path) // 2**20)}
            )
        body = html.encode()
        start_response(
            status,
            [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(body))),
                ("Content-Language", language),
                ("X-Content-Type-Options", "nosniff"),
                ("Cache-Control", "no-store"),
            ],
        )
        return [body]
