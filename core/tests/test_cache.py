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


# Nothing listens on port 1: a Redis that is down.
REDIS_DOWN = {
    "default": {
        "BACKEND": "core.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "KEY_PREFIX": "icld-tests",
    }
}


@pytest.fixture
def redis_down(settings):
    settings.ICLD_PAGE_CACHE_SECONDS = 300
    with override_settings(CACHES=REDIS_DOWN):
        yield caches["default"]


def test_a_cache_that_is_down_answers_as_a_miss(redis_down):
    assert redis_down.get("page", "missing") == "missing"
    assert redis_down.add("page", 1) is False
    assert redis_down.set("page", 1) is None
    assert redis_down.get_many(["a", "b"]) == {}
    with pytest.raises(ValueError):
        redis_down.incr("version")
    assert redis_down.is_available() is False


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/sv/", "/en/", "/sv/sok/?q=vatten", "/sitemap.xml"])
def test_pages_are_served_uncached_while_redis_is_down(client, redis_down, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response


@pytest.mark.django_db
def test_the_health_check_reports_the_cache_without_failing(client, redis_down):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "unavailable"}
    assert "6379" not in response.text and "Connection" not in response.text
