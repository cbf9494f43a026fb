"""The staff app's settings, with defaults (override them in settings/base.py)."""

from django.conf import settings


def login_failure_limit() -> int:
    """Failed admin logins allowed per username, and per client address, within the window."""
    return getattr(settings, "STAFF_LOGIN_FAILURE_LIMIT", 5)


def login_failure_window() -> int:
    """Seconds over which failed logins are counted."""
    return getattr(settings, "STAFF_LOGIN_FAILURE_WINDOW", 15 * 60)


def login_lockout_seconds() -> int:
    """How long a username or client address stays locked out once over the limit."""
    return getattr(settings, "STAFF_LOGIN_LOCKOUT_SECONDS", 15 * 60)


def lockout_cache_alias() -> str:
    """The cache holding failure counts and lockouts: a shared one (Redis or PostgreSQL)."""
    return getattr(settings, "STAFF_LOCKOUT_CACHE", "default")


RECOVERY_CODE_COUNT = 10
