"""A rate limit per client address, counted in PostgreSQL (core.models.SecurityCounter).

Never in a cache: a cache evicts under pressure, and anyone can put pressure on it by asking
for enough distinct pages. The table is shared by every app server, so the limit holds across
all of them, and it keeps working while Redis is down.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.db import connection

from core.models import SecurityCounter

_TABLE = SecurityCounter._meta.db_table

# One statement: start a new window when the old one has expired, else add one.
_COUNT_SQL = f"""
INSERT INTO {_TABLE} AS counter (key, count, expires_at)
VALUES (%(key)s, 1, now() + make_interval(secs => %(period)s))
ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN counter.expires_at <= now() THEN 1 ELSE counter.count + 1 END,
    expires_at = CASE WHEN counter.expires_at <= now() THEN EXCLUDED.expires_at
                      ELSE counter.expires_at END
RETURNING count, GREATEST(1, CEIL(EXTRACT(EPOCH FROM counter.expires_at - now())))::int
"""

# Expired rows are removed a few at a time, whenever a new window starts.
_PRUNE_SQL = f"""
DELETE FROM {_TABLE} WHERE key IN (
    SELECT key FROM {_TABLE} WHERE expires_at < now() ORDER BY expires_at LIMIT 200
)
"""


@dataclass(frozen=True)
class Count:
    count: int
    reset_in: int  # seconds until the window ends

    def within(self, limit: int) -> bool:
        return self.count <= limit


def client_address(request) -> str:
    """The client's IP; behind N trusted reverse proxies, the N-th address from the right."""
    proxies = getattr(settings, "ICLD_TRUSTED_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def counter_key(scope: str, subject: str) -> str:
    # Hashed: the table holds no addresses in clear text, and keys stay short.
    return f"{scope[:60]}:{hashlib.sha256(subject.encode()).hexdigest()[:40]}"


def count(scope: str, subject: str, *, period: int) -> Count:
    """Add one to the counter of ``subject`` in ``scope`` and return the new count."""
    with connection.cursor() as cursor:
        cursor.execute(_COUNT_SQL, {"key": counter_key(scope, subject), "period": period})
        value, reset_in = cursor.fetchone()
        if value == 1:
            cursor.execute(_PRUNE_SQL)
    return Count(value, reset_in)


def hit(request, *, scope: str, limit: int, period: int) -> tuple[bool, int]:
    """Count one request from the client; return (allowed, seconds until the window resets)."""
    counted = count(scope, client_address(request), period=period)
    return counted.within(limit), counted.reset_in
