"""A tiny browser stand-in for load and fault tests: cookies, CSRF, forms, no JavaScript."""

from __future__ import annotations

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass


@dataclass
class Answer:
    status: int
    url: str
    body: str


class _LoopbackCookiePolicy(http.cookiejar.DefaultCookiePolicy):
    """Send Secure cookies to http://127.0.0.1, as browsers do for loopback addresses."""

    def return_ok_secure(self, cookie, request):
        return True


class PortalClient:
    def __init__(self, base_url: str, *, forwarded_for: str = ""):
        self.base_url = base_url
        # Behind the reverse proxy, each visitor has an address of their own.
        self.headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
        self.cookies = http.cookiejar.CookieJar(policy=_LoopbackCookiePolicy())
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def request(self, path: str, data: dict | None = None, *, follow: bool = True) -> Answer:
        url = path if path.startswith("http") else self.base_url + path
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        opener = (
            self.opener
            if follow
            else urllib.request.build_opener(
                urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect()
            )
        )
        try:
            request = urllib.request.Request(url, data=body, headers=self.headers)
            with opener.open(request, timeout=30) as response:
                return Answer(
                    response.status, response.url, response.read().decode(errors="replace")
                )
        except urllib.error.HTTPError as error:
            return Answer(error.code, url, error.read().decode(errors="replace"))

    def get(self, path: str, **kwargs) -> Answer:
        return self.request(path, **kwargs)

    def post_form(self, form_path: str, fields: dict, **kwargs) -> Answer:
        """GET the form (for its CSRF token and submission token), then POST it."""
        page = self.get(form_path)
        if page.status != 200:
            return page
        data = dict(fields)
        data["csrfmiddlewaretoken"] = _input_value(page.body, "csrfmiddlewaretoken")
        data.setdefault(
            "submission_token", _input_value(page.body, "submission_token") or str(uuid.uuid4())
        )
        return self.request(form_path, data, **kwargs)


def _input_value(html: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', html) or re.search(
        rf'value="([^"]*)" name="{name}"', html
    )
    return match.group(1) if match else ""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def accessibility_report(description: str) -> dict:
    """A valid submission of the accessibility report form."""
    return {
        "kind": "barrier",
        "page_url": "/sv/",
        "description": description,
        "name": "Test",
        "email": "test@example.se",
        "consent": "on",
        "website": "",
    }
