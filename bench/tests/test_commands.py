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
