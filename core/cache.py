"""Django's Redis cache, made to fail open and to keep one client per connection pool.

* The cache only ever saves work (finished public pages, the home page's data); nothing that
  protects the site lives in it (see core.ratelimit, staff.lockout). So while Redis is down
  every operation answers as a miss and pages are built uncached, instead of a 500. After a
  failure the backend leaves Redis alone for a few seconds (``RETRY_AFTER``), so an outage
  costs one short connection timeout per process, not one per request.
* Django builds a new ``redis.Redis`` object for every cache operation, which costs more than
  the operation itself; this backend keeps one per pool (they are thread-safe and share the
  pool's connections).
"""

from __future__ import annotations

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0  # seconds without trying Redis after it failed


class _Client(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


def _fail_open(on_failure):
    """Run the operation unless Redis failed lately; on a Redis error answer ``on_failure(...)``."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if time.monotonic() < self._unavailable_until:
                return on_failure(*args, **kwargs)
            try:
                return method(self, *args, **kwargs)
            except RedisError as error:
                self._unavailable_until = time.monotonic() + RETRY_AFTER
                logger.warning("Cache unavailable, serving uncached for now: %s", error)
                return on_failure(*args, **kwargs)

        return wrapper

    return decorate


def _miss(key, default=None, *args, **kwargs):
    return default


def _not_stored(*args, **kwargs):
    return False


def _nothing(*args, **kwargs):
    return None


def _none_found(keys, *args, **kwargs):
    return {}


def _none_stored(data, *args, **kwargs):
    return list(data)


def _no_counter(key, *args, **kwargs):
    raise ValueError(f"Key {key!r} not found (the cache is unavailable).")


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        options = params.setdefault("OPTIONS", {})
        # A Redis that does not answer must cost milliseconds, not the default minutes.
        options.setdefault("socket_connect_timeout", 0.25)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, params)
        self._class = _Client
        self._unavailable_until = 0.0

    def is_available(self) -> bool:
        """Ask Redis now, whatever happened before (the health check)."""
        try:
            self._cache.get_client(write=True).ping()
        except RedisError:
            self._unavailable_until = time.monotonic() + RETRY_AFTER
            return False
        self._unavailable_until = 0.0
        return True

    get = _fail_open(_miss)(DjangoRedisCache.get)
    get_many = _fail_open(_none_found)(DjangoRedisCache.get_many)
    has_key = _fail_open(_not_stored)(DjangoRedisCache.has_key)
    set = _fail_open(_nothing)(DjangoRedisCache.set)
    add = _fail_open(_not_stored)(DjangoRedisCache.add)
    touch = _fail_open(_not_stored)(DjangoRedisCache.touch)
    set_many = _fail_open(_none_stored)(DjangoRedisCache.set_many)
    delete = _fail_open(_not_stored)(DjangoRedisCache.delete)
    delete_many = _fail_open(_nothing)(DjangoRedisCache.delete_many)
    incr = _fail_open(_no_counter)(DjangoRedisCache.incr)
    clear = _fail_open(_not_stored)(DjangoRedisCache.clear)
