"""The Redis cache that production uses (core.cache)."""

import socket

import pytest
from django.core.cache import caches
from django.test import override_settings


def redis_answers() -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", 6379)) == 0


pytestmark = pytest.mark.skipif(not redis_answers(), reason="no Redis on 127.0.0.1:6379")

REDIS = {
    "default": {
        "BACKEND": "core.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/14",
        "KEY_PREFIX": "icld-tests",
    }
}


@pytest.fixture
def redis_cache():
    with override_settings(CACHES=REDIS):
        cache = caches["default"]
        cache.clear()
        yield cache
        cache.clear()


def test_the_usual_cache_operations_still_work(redis_cache):
    redis_cache.set("page", {"html": "<p>Hej</p>"}, 30)
    assert redis_cache.get("page") == {"html": "<p>Hej</p>"}
    assert redis_cache.add("page", "other", 30) is False
    redis_cache.set("version", 1, None)
    assert redis_cache.incr("version") == 2
