"""A fixed-window rate limit per client, kept in the shared cache.

The cache is Redis or PostgreSQL (never process memory), so the limit holds
across every app server.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    """The client's IP; behind N trusted reverse proxies, the N-th address from the right."""
    proxies = getattr(settings, "ICLD_TRUSTED_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def hit(request, *, scope: str, limit: int, period: int) -> tuple[bool, int]:
    """Count one request; return (allowed, seconds until the window resets)."""
    window = int(time.time() // period)
    client = hashlib.sha256(client_address(request).encode()).hexdigest()[:24]
    key = f"ratelimit:{scope}:{client}:{window}"
    if hasattr(cache, "count"):  # Redis (core.cache): one round trip
        count = cache.count(key, period + 5)
    else:
        # Most hits fall in a window already counted: one incr(); the first adds the key.
        try:
            count = cache.incr(key)
        except ValueError:
            if cache.add(key, 1, timeout=period + 5):
                count = 1
            else:  # another request added it in between
                count = cache.incr(key)
    reset_in = period - int(time.time()) % period
    return count <= limit, reset_in
