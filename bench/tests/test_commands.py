import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def test_bench_data_refuses_a_database_not_named_for_the_benchmark(settings):
    assert not settings.DATABASES["default"]["NAME"].endswith("_bench")
    with pytest.raises(CommandError):
        call_command("bench_data", "--scale", "0.001", stdout=StringIO())


def test_bench_search_times_every_query():
    out = StringIO()
    call_command("bench_search", stdout=out)
    report = json.loads(out.getvalue())
    assert report["runs"] == 20
    assert len(report["queries"]) == 11
    assert all(milliseconds >= 0 for milliseconds in report["queries"].values())


def test_the_report_puts_each_pages_uncached_time_beside_its_target():
    from bench.run import UNCACHED_TARGET_MS, render_uncached

    report = render_uncached(
        {"partnership list": 31.6, "site search": 12.0}, {"partnership list": 71.8}
    )
    assert f"| partnership list | 31.6 | 71.8 | {UNCACHED_TARGET_MS:.0f} | SLOW |" in report
    assert f"| site search | 12.0 | 12.0 | {UNCACHED_TARGET_MS:.0f} | ok |" in report
    with_machine = render_uncached({"site search": 12.0}, {}, {"floor_ms": 1.4, "python_ms": 61.0})
    assert "takes 1.4 ms in-process" in with_machine and "61.0 ms" in with_machine


def test_bench_queries_times_each_page_uncached(settings):
    settings.ICLD_PAGE_CACHE_SECONDS = 0
    out = StringIO()
    target = json.dumps({"name": "call list", "path": "/en/", "method": "GET"})
    call_command("bench_queries", "--runs", "3", target, stdout=out)
    report = json.loads(out.getvalue().strip().splitlines()[-1])
    assert report["queries"]["call list"] >= 0
    assert report["cold_ms"]["call list"] > 0
    assert report["cold_p95_ms"]["call list"] > 0
    # What the machine itself costs, to compare runs on different machines.
    assert report["reference"]["floor_ms"] > 0
    assert report["reference"]["python_ms"] > 0


def test_a_page_whose_queries_grow_with_the_data_is_flagged_and_one_with_fewer_is_not():
    from bench.run import query_check

    assert query_check(4, 4) == "queries constant"
    assert query_check(3, 5) == "QUERIES GROW"
    assert query_check(4, 3) == "queries fewer at full size (4 → 3)"
    assert query_check("HTTP 500", 3) == "QUERIES GROW"
