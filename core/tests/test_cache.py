"""The Redis cache that production uses (core.cache): counters in one trip, the rate limit."""

import socket

import pytest
from django.core.cache import caches
from django.test import RequestFactory, override_settings

from core import ratelimit


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


def test_a_counter_counts_and_expires(redis_cache):
    assert [redis_cache.count("hits", 60) for _ in range(3)] == [1, 2, 3]
    assert redis_cache.get("hits") == 3
    client = redis_cache._cache.get_client(write=True)
    ttl = client.ttl(redis_cache.make_key("hits"))
    assert 0 < ttl <= 60  # the first count set the expiry; later ones kept it


def test_the_usual_cache_operations_still_work(redis_cache):
    redis_cache.set("page", {"html": "<p>Hej</p>"}, 30)
    assert redis_cache.get("page") == {"html": "<p>Hej</p>"}
    assert redis_cache.add("page", "other", 30) is False
    redis_cache.set("version", 1, None)
    assert redis_cache.incr("version") == 2


def test_the_rate_limit_holds_on_redis(redis_cache):
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.7")
    answers = [ratelimit.hit(request, scope="report", limit=3, period=60)[0] for _ in range(5)]
    assert answers == [True, True, True, False, False]
    other = RequestFactory().post("/", REMOTE_ADDR="192.0.2.8")
    assert ratelimit.hit(other, scope="report", limit=3, period=60)[0] is True
