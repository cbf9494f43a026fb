"""Lock out admin logins after repeated failures, per username and per client address.

Counts and locks live in the shared cache (Redis or the PostgreSQL cache table,
see settings "Cache"), never in process memory, so every app server sees the
same lock. A failure starts a window of STAFF_LOGIN_FAILURE_WINDOW seconds; the
STAFF_LOGIN_FAILURE_LIMIT-th failure inside it locks that username (or address)
for STAFF_LOGIN_LOCKOUT_SECONDS. While locked, the login is refused even with
the right password. A successful login clears the username's count (not the
address's, so one known account cannot be used to reset an attacker's count).
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass

from django.core.cache import caches

from core.ratelimit import client_address
from staff import conf

logger = logging.getLogger("staff.security")


@dataclass(frozen=True)
class Subject:
    kind: str  # "user" or "ip"
    value: str

    @property
    def digest(self) -> str:
        # Hashed, so the cache holds no usernames or addresses in clear text.
        return hashlib.sha256(f"{self.kind}:{self.value}".encode()).hexdigest()[:32]

    def key(self, what: str) -> str:
        return f"staff:login:{what}:{self.kind}:{self.digest}"


def _cache():
    return caches[conf.lockout_cache_alias()]


def subjects_for(request, username: str | None) -> list[Subject]:
    subjects = [Subject("ip", client_address(request))] if request is not None else []
    if username:
        subjects.append(Subject("user", username.strip().casefold()))
    return subjects


def is_locked(request, username: str | None) -> bool:
    keys = [subject.key("lock") for subject in subjects_for(request, username)]
    return any(value for value in _cache().get_many(keys).values())


def record_failure(request, username: str | None) -> bool:
    """Count one failed login; return True when it (now) locks the login out."""
    cache = _cache()
    window, limit = conf.login_failure_window(), conf.login_failure_limit()
    locked = False
    for subject in subjects_for(request, username):
        key = subject.key("fail")
        if cache.add(key, 1, timeout=window):
            count = 1
        else:
            try:
                count = cache.incr(key)
            except ValueError:  # the window ended between add() and incr()
                cache.set(key, 1, timeout=window)
                count = 1
        if count >= limit:
            cache.set(subject.key("lock"), 1, timeout=conf.login_lockout_seconds())
            cache.delete(key)
            locked = True
            logger.warning(
                "Admin login locked out after %d failures (%s %s)",
                count,
                subject.kind,
                subject.digest,
            )
    return locked


def record_success(request, username: str | None) -> None:
    _cache().delete_many([subject.key("fail") for subject in subjects_for(None, username)])


def clear(*, username: str | None = None, address: str | None = None) -> None:
    """Lift a lockout early (`manage.py unlock_staff_login`)."""
    subjects = [Subject("ip", address)] if address else []
    if username:
        subjects.append(Subject("user", username.strip().casefold()))
    _cache().delete_many([subject.key(what) for subject in subjects for what in ("fail", "lock")])
