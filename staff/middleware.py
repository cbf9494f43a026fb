"""Admin pages are reachable only after the second factor (OWASP ASVS 2.1-2.8, level 2).

After the password, a staff member is signed in but not verified; every admin
URL then leads to the verification page, or to enrolment for someone without an
authenticator app yet. Must come after django_otp.middleware.OTPMiddleware
(a system check, staff.E001, says so when it does not).
"""

from urllib.parse import urlencode

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
