from django.conf import settings
from django.core import checks

AUTH = "django.contrib.auth.middleware.AuthenticationMiddleware"
OTP = "django_otp.middleware.OTPMiddleware"
STAFF = "staff.middleware.AdminTwoFactorMiddleware"


@checks.register(checks.Tags.security)
def check_two_factor_middleware(app_configs, **kwargs):
    middleware = list(settings.MIDDLEWARE)
    if all(name in middleware for name in (AUTH, OTP, STAFF)) and (
        middleware.index(AUTH) < middleware.index(OTP) < middleware.index(STAFF)
    ):
        return []
    return [
        checks.Error(
            "Admin is not protected by the second factor.",
            hint=f"MIDDLEWARE must list {AUTH}, then {OTP}, then {STAFF}.",
            id="staff.E001",
        )
    ]
