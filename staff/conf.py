"""The staff app's settings, with defaults (override them in settings/base.py)."""

from django.conf import settings


def login_failure_limit() -> int:
    """Failed admin logins allowed for one username from one address before it is locked."""
    return getattr(settings, "STAFF_LOGIN_FAILURE_LIMIT", 5)


def login_lockout_seconds() -> int:
    """How long a username stays locked out, from that address, once over the limit."""
    return getattr(settings, "STAFF_LOGIN_LOCKOUT_SECONDS", 15 * 60)


RECOVERY_CODE_COUNT = 10
