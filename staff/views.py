"""The second factor for staff: verification after the password, enrolment, recovery codes."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import django_otp
import segno
from django.contrib import admin, messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.decorators.cache import never_cache

from core.personal_data import erase_for_email, export_for_email, held_about
from staff.forms import EnrolForm, PersonalDataForm, VerifyForm
from staff.models import RecoveryCodeDevice
from staff.selectors import may_handle_personal_data
from staff.services import (
    has_confirmed_totp,
    recovery_codes_regenerate,
    totp_enrolment_confirm,
    totp_enrolment_start,
    two_factor_verify,
)

SESSION_CODES_KEY = "staff_recovery_codes"


def _safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("admin:index")


def _with_next(url: str, next_url: str) -> str:
    return f"{url}?{urlencode({'next': next_url})}"


def _is_verified(user) -> bool:
    is_verified = getattr(user, "is_verified", None)
    return bool(callable(is_verified) and is_verified())


def _secret_groups(device) -> str:
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _context(request, **extra) -> dict:
    return {**admin.site.each_context(request), "next": _safe_next(request), **extra}


def _sign_in_with_device(request, device) -> None:
    # A new session key when the session gains the second factor (session fixation).
    request.session.cycle_key()
    django_otp.login(request, device)


@method_decorator(never_cache, name="dispatch")
class StaffOnlyView(View):
    """Signed-in, active staff only; anyone else goes to the admin login."""

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not (user.is_authenticated and user.is_active and user.is_staff):
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        return super().dispatch(request, *args, **kwargs)


class VerifyView(StaffOnlyView):
    template_name = "staff/two_factor_verify.html"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and user.is_staff and user.is_active:
            if _is_verified(user):
                return HttpResponseRedirect(_safe_next(request))
            if not has_confirmed_totp(user):
                return HttpResponseRedirect(_with_next(reverse("staff:enrol"), _safe_next(request)))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self._render(request, VerifyForm())

    def post(self, request):
        form = VerifyForm(request.POST)
        if form.is_valid():
            result = two_factor_verify(user=request.user, token=form.cleaned_data["code"])
            if result.device is not None:
                _sign_in_with_device(request, result.device)
                if isinstance(result.device, RecoveryCodeDevice):
                    self._recovery_code_message(request, result.device)
                return HttpResponseRedirect(_safe_next(request))
            if result.throttled:
                form.add_error(
                    "code", _("Too many wrong codes in a row. Wait a moment before you try again.")
                )
            else:
                form.add_error("code", _("That code is not valid. Check it and try again."))
        return self._render(request, form, status=200)

    def _recovery_code_message(self, request, device) -> None:
        remaining = device.remaining
        text = ngettext(
            "You signed in with a recovery code. You have %(count)d unused recovery code left.",
            "You signed in with a recovery code. You have %(count)d unused recovery codes left.",
            remaining,
        ) % {"count": remaining}
        level = messages.WARNING if remaining <= 3 else messages.INFO
        messages.add_message(request, level, text)

    def _render(self, request, form, status=200):
        context = _context(request, form=form, title=_("Confirm it is you"))
        return render(request, self.template_name, context, status=status)


class EnrolView(StaffOnlyView):
    template_name = "staff/two_factor_enrol.html"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and user.is_staff and user.is_active and has_confirmed_totp(user):
            # Changing the app is for administrators (delete the device in admin).
            return HttpResponseRedirect(_with_next(reverse("staff:verify"), _safe_next(request)))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self._render(request, EnrolForm())

    def post(self, request):
        form = EnrolForm(request.POST)
        if form.is_valid():
            device = totp_enrolment_start(user=request.user)
            codes = totp_enrolment_confirm(device=device, token=form.cleaned_data["code"])
            if codes is not None:
                device.refresh_from_db()
                _sign_in_with_device(request, device)
                request.session[SESSION_CODES_KEY] = codes
                return HttpResponseRedirect(
                    _with_next(reverse("staff:recovery_codes"), _safe_next(request))
                )
            form.add_error(
                "code",
                _(
                    "That code does not match. Check that the app shows the ICLD account you just "
                    "added, and enter the code it shows now."
                ),
            )
        return self._render(request, form)

    def _render(self, request, form):
        device = totp_enrolment_start(user=request.user)
        qr = segno.make(device.config_url, error="m")
        context = _context(
            request,
            form=form,
            title=_("Set up your authenticator app"),
            qr_data_uri=qr.svg_data_uri(scale=5, border=4, dark="#000", light="#fff"),
            secret=_secret_groups(device),
            config_url=device.config_url,
        )
        return render(request, self.template_name, context)


class RecoveryCodesView(StaffOnlyView):
    """Shows new recovery codes once; a verified person can ask for a new set."""

    template_name = "staff/recovery_codes.html"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and user.is_staff and user.is_active and not _is_verified(user):
            return HttpResponseRedirect(
                _with_next(reverse("staff:verify"), request.get_full_path())
            )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        codes = request.session.pop(SESSION_CODES_KEY, None)
        remaining = None
        if codes is None:
            device = RecoveryCodeDevice.objects.filter(user=request.user).first()
            remaining = device.remaining if device else 0
        context = _context(request, codes=codes, remaining=remaining, title=_("Recovery codes"))
        return render(request, self.template_name, context)

    def post(self, request):
        request.session[SESSION_CODES_KEY] = recovery_codes_regenerate(user=request.user)
        messages.success(request, _("New recovery codes were made. The old ones no longer work."))
        return HttpResponseRedirect(
            _with_next(reverse("staff:recovery_codes"), _safe_next(request))
        )


# --- Personal data: one export and one erase across every app ---------------------------------


@method_decorator(never_cache, name="dispatch")
class PersonalDataView(View):
    """Export (JSON) or erase everything held about one email address, in every app."""

    template_name = "staff/personal_data.html"

    def dispatch(self, request, *args, **kwargs):
        if not _is_verified(request.user):
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        if not may_handle_personal_data(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self._render(request, PersonalDataForm())

    def post(self, request):
        form = PersonalDataForm(request.POST)
        if not form.is_valid():
            return self._render(request, form)
        email = form.cleaned_data["email"]
        action = request.POST.get("action")
        if action == "export":
            data = export_for_email(email)
            response = HttpResponse(
                json.dumps(data, ensure_ascii=False, indent=2),
                content_type="application/json; charset=utf-8",
            )
            response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
            return response
        found = held_about(email)
        if action == "erase" and request.POST.get("confirm") == "yes":
            counts = erase_for_email(email)
            total = sum(counts.values())
            messages.success(
                request,
                ngettext(
                    "Erased %(count)d record held about %(email)s.",
                    "Erased %(count)d records held about %(email)s.",
                    total,
                )
                % {"count": total, "email": email},
            )
            return HttpResponseRedirect(reverse("staff_personal_data"))
        return self._render(request, form, found=found, confirming=action == "erase")

    def _render(self, request, form, **extra):
        context = {
            **admin.site.each_context(request),
            "title": _("Personal data"),
            "form": form,
            **extra,
        }
        return render(request, self.template_name, context)
