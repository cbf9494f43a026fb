"""The bilingual pages of a refused request: 400, 403 and a failed CSRF check.

Their language comes from the address (/sv/ or /en/; Swedish elsewhere), as for 404 and 500
(core/views.py). None of them reads the request body again: a body Django could not parse
(an unsupported charset) would raise once more and turn the 400 into a 500.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext as _

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
        # An error page asks nothing of the database (the footer's added pages are left out).
        return render(request, template, {"is_error_page": True, **(context or {})}, status=status)


def _forget_body(request: HttpRequest) -> None:
    """The body was refused: anything asking for request.POST from now on gets nothing."""
    if getattr(request, "_post", None) is None or not hasattr(request, "_files"):
        request._mark_post_parse_error()


def bad_request(request, exception=None):
    _forget_body(request)
    return _render(request, "errors/400.html", 400)


def permission_denied(request, exception=None):
    return _render(request, "errors/403.html", 403)


def page_not_found(request, exception=None):
    return _render(request, "errors/404.html", 404)


@dataclass(frozen=True)
class TypedValue:
    name: str
    value: str
    label: str
    shown_as: str = ""  # a choice's words; empty for text the visitor edits again

    @property
    def heading(self) -> str:
        """The label before a choice's words: "Kind:", but "What do you need?" as it is."""
        return self.label if self.label.endswith(("?", ":")) else f"{self.label}:"


def _form_fields(request: HttpRequest) -> dict:
    """The fields of the form the address serves (a FormView's ``form_class``), if any."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return {}
    form_class = getattr(getattr(match.func, "view_class", None), "form_class", None)
    return dict(form_class.base_fields) if form_class is not None else {}


def _describe(name: str, value: str, field) -> TypedValue:
    if field is None:
        return TypedValue(name, value, name)
    label = str(field.label or name.replace("_", " ").capitalize())
    if isinstance(field.widget, forms.CheckboxInput):
        return TypedValue(name, value, label, shown_as=str(_("Ticked")))
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        words = {str(key): str(text) for key, text in field.choices if not isinstance(text, list)}
        return TypedValue(name, value, label, shown_as=words.get(value, value))
    if isinstance(field, forms.ModelChoiceField):
        return TypedValue(name, value, label, shown_as=str(_("(kept as chosen)")))
    return TypedValue(name, value, label)


def typed_fields(request: HttpRequest) -> tuple[list[TypedValue], list[tuple[str, str]]]:
    """What the visitor typed, as (shown, hidden): text fields labelled as on the form, choices
    kept as chosen; never passwords, tokens or files (files are not in request.POST)."""
    shown, hidden = [], []
    try:
        post = request.POST
    except Exception:  # a body Django cannot parse: nothing to give back
        return [], []
    fields = _form_fields(request)
    for name, values in post.lists():
        if name in _CARRIED_HIDDEN:
            hidden.extend((name, value) for value in values[:1] if len(value) <= 64)
            continue
        if name in _HONEYPOTS or _NEVER_SHOWN.search(name):
            continue
        if fields and name not in fields:
            continue  # the submit button's name, and anything the form does not take
        for value in values:
            if value.strip() and len(shown) < MAX_FIELDS_SHOWN:
                shown.append(_describe(name, value[:MAX_VALUE_LENGTH], fields.get(name)))
    return shown, hidden


def csrf_failure(request, reason=""):
    """The form was sent without a valid CSRF token: the page had been open too long (the
    token changed, say after signing in elsewhere) or the browser blocks cookies. The typed
    text comes back, to send again with a fresh token or to copy."""
    with translation.override(_language(request)):
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
