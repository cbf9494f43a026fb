"""The bilingual pages of a refused request: 400, 403 and a failed CSRF check.

Their language comes from the address (/sv/ or /en/; Swedish elsewhere), as for 404 and 500
(core/views.py). None of them reads the request body again: a body Django could not parse
(an unsupported charset) would raise once more and turn the 400 into a 500.
"""

from __future__ import annotations

import re

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

# Fields a failed CSRF check never shows back: secrets, and the tokens the page itself sets.
_NEVER_SHOWN = re.compile(r"pass|secret|token|otp|csrf|card|cvc|pin", re.IGNORECASE)
# Carried to the resent form unseen: the once-only key keeps a resent form saved once.
_CARRIED_HIDDEN = ("submission_token",)
_HONEYPOTS = ("website",)
MAX_FIELDS_SHOWN = 40
MAX_VALUE_LENGTH = 20_000


def _language(request: HttpRequest) -> str:
    return translation.get_language_from_path(request.path_info) or "sv"


def _render(request, template: str, status: int, context: dict | None = None) -> HttpResponse:
    with translation.override(_language(request)):
        return render(request, template, context or {}, status=status)


def _forget_body(request: HttpRequest) -> None:
    """The body was refused: anything asking for request.POST from now on gets nothing."""
    if getattr(request, "_post", None) is None or not hasattr(request, "_files"):
        request._mark_post_parse_error()


def bad_request(request, exception=None):
    _forget_body(request)
    return _render(request, "errors/400.html", 400)


def permission_denied(request, exception=None):
    return _render(request, "errors/403.html", 403)


def typed_fields(request: HttpRequest) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """What the visitor typed, as (shown, hidden) lists of (name, value): text fields only,
    never passwords, tokens or files (files are not in request.POST)."""
    shown, hidden = [], []
    try:
        post = request.POST
    except Exception:  # a body Django cannot parse: nothing to give back
        return [], []
    for name, values in post.lists():
        if name in _CARRIED_HIDDEN:
            hidden.extend((name, value) for value in values[:1] if len(value) <= 64)
            continue
        if name in _HONEYPOTS or _NEVER_SHOWN.search(name):
            continue
        for value in values:
            if value.strip() and len(shown) < MAX_FIELDS_SHOWN:
                shown.append((name, value[:MAX_VALUE_LENGTH]))
    return shown, hidden


def csrf_failure(request, reason=""):
    """The form was sent without a valid CSRF token: the page had been open too long (the
    token changed, say after signing in elsewhere) or the browser blocks cookies. The typed
    text comes back, to send again with a fresh token or to copy."""
    shown, hidden = typed_fields(request) if request.method == "POST" else ([], [])
    context = {
        "shown": shown,
        "hidden": hidden,
        "resend_to": request.get_full_path(),
        "had_files": bool(request.method == "POST" and _has_files(request)),
    }
    return _render(request, "errors/403_csrf.html", 403, context)


def _has_files(request: HttpRequest) -> bool:
    try:
        return bool(request.FILES)
    except Exception:
        return False
