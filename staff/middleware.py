"""Admin pages are reachable only after the second factor (OWASP ASVS 2.1-2.8, level 2).

After the password, a staff member is signed in but not verified; every admin
URL then leads to the verification page, or to enrolment for someone without an
authenticator app yet. Must come after django_otp.middleware.OTPMiddleware
(a system check, staff.E001, says so when it does not).
"""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse


def needs_second_factor(request) -> bool:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_staff:
        return False  # admin itself turns these away
    is_verified = getattr(user, "is_verified", None)
    return not (callable(is_verified) and is_verified())


def _is_exempt(request) -> bool:
    """The second-factor pages themselves, and signing out."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return match.namespace == "staff" or match.view_name == "admin:logout"


class AdminTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path.startswith(reverse("admin:index"))
            and needs_second_factor(request)
            and not _is_exempt(request)
        ):
            target = reverse("staff:verify")
            if request.method == "GET":
                target += "?" + urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(target)
        return self.get_response(request)


SIGNED_IN_AT = "staff_signed_in_at"
LAST_SEEN_AT = "staff_last_seen_at"


class StaffSessionMiddleware:
    """A staff session ends after ``STAFF_SESSION_IDLE_SECONDS`` without a request and, however
    busy, ``STAFF_SESSION_MAX_SECONDS`` after signing in (OWASP ASVS 3.3: an unattended or
    stolen admin session stops working). Visitors' sessions are not affected.

    Must come after AuthenticationMiddleware. The session is written at most once a minute, not
    on every request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            now = time.time()
            session = request.session
            signed_in_at = session.setdefault(SIGNED_IN_AT, now)
            last_seen_at = session.get(LAST_SEEN_AT, now)
            idle = settings.STAFF_SESSION_IDLE_SECONDS
            if now - last_seen_at > idle or now - signed_in_at > settings.STAFF_SESSION_MAX_SECONDS:
                logout(request)
                if request.path.startswith(reverse("admin:index")):
                    target = reverse("admin:login")
                    if request.method == "GET":
                        target += "?" + urlencode({"next": request.get_full_path()})
                    return HttpResponseRedirect(target)
            elif now - last_seen_at >= 60 or LAST_SEEN_AT not in session:
                session[LAST_SEEN_AT] = now
                session.set_expiry(idle)  # the browser forgets the cookie when idle, too
        return self.get_response(request)
