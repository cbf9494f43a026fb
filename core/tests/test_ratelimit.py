"""The rate limit's counters live in PostgreSQL: no cache traffic can wipe them."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory

from core import ratelimit
from core.models import SecurityCounter

pytestmark = pytest.mark.django_db


def request_from(address: str):
    return RequestFactory().post("/", REMOTE_ADDR=address)


def test_counts_within_the_limit_then_refuses():
    answers = [
        ratelimit.hit(request_from("192.0.2.7"), scope="report", limit=3, period=60)[0]
        for _ in range(5)
    ]
    assert answers == [True, True, True, False, False]
    assert ratelimit.hit(request_from("192.0.2.8"), scope="report", limit=3, period=60)[0]
    assert ratelimit.hit(request_from("192.0.2.7"), scope="other form", limit=3, period=60)[0]


def test_a_flood_of_cache_entries_leaves_the_counters_alone():
    for _ in range(3):
        ratelimit.hit(request_from("192.0.2.7"), scope="report", limit=3, period=60)
    for number in range(2000):
        cache.set(f"page:{number}", "x" * 100, 60)
    cache.clear()
    assert not ratelimit.hit(request_from("192.0.2.7"), scope="report", limit=3, period=60)[0]


def test_a_window_that_has_ended_starts_again():
    first = ratelimit.count("report", "192.0.2.7", period=60)
    assert (first.count, 55 <= first.reset_in <= 60) == (1, True)
    SecurityCounter.objects.update(
        expires_at=SecurityCounter.objects.get().expires_at.replace(year=2000)
    )
    assert ratelimit.count("report", "192.0.2.7", period=60).count == 1


def test_expired_counters_are_removed_and_addresses_are_not_stored():
    ratelimit.count("report", "192.0.2.7", period=60)
    SecurityCounter.objects.update(
        expires_at=SecurityCounter.objects.get().expires_at.replace(year=2000)
    )
    ratelimit.count("report", "192.0.2.99", period=60)
    keys = list(SecurityCounter.objects.values_list("key", flat=True))
    assert len(keys) == 1
    assert not any("192.0.2" in key for key in keys)


def test_one_statement_per_count(django_assert_num_queries):
    ratelimit.count("report", "192.0.2.7", period=60)  # the first also prunes
    with django_assert_num_queries(1):
        ratelimit.count("report", "192.0.2.7", period=60)
    assert connection.in_atomic_block  # the test's transaction: counting needs none of its own
