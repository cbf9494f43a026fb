"""Count the SQL queries each benchmarked page runs and time it uncached (used by bench/run.py).

The page cache must be off (``ICLD_PAGE_CACHE_SECONDS=0``): the time is what the first visitor
after a change waits for, in server time (in-process, no network), with Python and the
database warm. Each page is built ``--runs`` times; the report gives the median and the 95th
percentile."""

import json
import re
import statistics
import time
import uuid

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

RUNS = 20
# The minimal Django view (bench.urls): every middleware, no template, no query.
FLOOR_PATH = "/bench/floor/"


def p95(samples: list[float]) -> float:
    if len(samples) < 2:
        return samples[0]
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


def _python_workload() -> int:
    """A fixed amount of plain Python work (integer arithmetic, a dict, string joins), timed
    as the machine's reference: page times differ between machines by about as much."""
    counts: dict[int, int] = {}
    for i in range(200_000):
        counts[i % 97] = counts.get(i % 97, 0) + i * i
    return len(",".join(str(value) for value in counts.values()))


def _median_ms(action, runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(samples), 1)


def _submission(csrf: str) -> dict:
    return {
        "kind": "barrier",
        "description": "Query count",
        "email": "q@example.se",
        "consent": "on",
        "submission_token": str(uuid.uuid4()),
        "csrfmiddlewaretoken": csrf,
    }


class Command(BaseCommand):
    help = "Print, as JSON, the number of SQL queries per request for the given bench targets."

    def add_arguments(self, parser):
        parser.add_argument("targets", nargs="+", help="JSON objects with name, path and method")
        parser.add_argument("--runs", type=int, default=RUNS, help="timed requests per page")

    def handle(self, *args, targets, runs, **options):
        from bench.run import Target, resolve_path

        client = Client()
        counts = {}
        cold_ms = {}
        cold_p95_ms = {}
        for raw in targets:
            target = Target(**json.loads(raw))
            path = resolve_path(target.path)
            if target.method == "POST":
                form = client.get(path).content.decode()
                token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
                csrf = token.group(1) if token else ""
                # The first submission of a rate-limit window also prunes expired counters
                # (core.ratelimit): count a submission in a running window, as most are.
                client.post(path, _submission(csrf))
                with CaptureQueriesContext(connection) as queries:
                    response = client.post(path, _submission(csrf))
                query_count = len(queries)
            else:
                client.get(path)  # warm what a real server would also have warm
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(path)
                # Count now: the next request clears the connection's query log.
                query_count = len(queries)
                # How long the page takes to build when it is not in the page cache.
                samples = []
                for _ in range(runs):
                    started = time.perf_counter()
                    client.get(path)
                    samples.append((time.perf_counter() - started) * 1000)
                cold_ms[target.name] = round(statistics.median(samples), 1)
                cold_p95_ms[target.name] = round(p95(samples), 1)
            counts[target.name] = (
                query_count if response.status_code < 400 else f"HTTP {response.status_code}"
            )
        client.get(FLOOR_PATH)
        reference = {
            "floor_ms": _median_ms(lambda: client.get(FLOOR_PATH), runs),
            "python_ms": _median_ms(_python_workload, runs),
        }
        self.stdout.write(
            json.dumps(
                {
                    "queries": counts,
                    "cold_ms": cold_ms,
                    "cold_p95_ms": cold_p95_ms,
                    "reference": reference,
                }
            )
        )
