"""Time full-text search in the database (used by bench/run.py).

For each query a visitor might type, the ranked first page of results is run as the search
pages run it (``core.search``; the library ranks among its first 1,000 matches), and
PostgreSQL's own execution time is read from ``EXPLAIN (ANALYZE)``: the time in the database,
without Python or the network. The report gives the 95th percentile of the runs.
"""

import json
import statistics

from django.core.management.base import BaseCommand
from django.db import connection
from django.db.models import F

from core import search
from knowledge.models import Publication
from partnerships.models import Partnership

RUNS = 20
QUERIES = {
    "publications": [
        "local democracy",
        "gender equality",
        '"participatory budgeting"',
        "lokal demokrati",
        "barn skola",
        "klimat",
        "Petrovic",
    ],
    "partnerships": ["barn skola", "klimat", "Malmo", "youth council"],
}
MODELS = {"publications": Publication, "partnerships": Partnership}


def ranked_page_sql(model, text: str) -> tuple[str, tuple]:
    """The statement ranking the first page: the library ranks among its first matches
    (``core.search.RankedResults``), the partnership list every match."""
    if model is Publication:
        found = search.resolve(model.objects.published(), text)
        ranked = search.RankedResults(found.queryset, found, tie_breakers=("-year", "-pk"))
        return ranked.ranked_pks_sql(0, 20)
    found = search.ranked(model.objects.published(), text)
    queryset = found.queryset.order_by(F("rank").desc(), "-pk").values("pk")[:20]
    return queryset.query.sql_with_params()


def execution_ms(sql: str, params) -> float:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return float(plan[0]["Execution Time"])


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


class Command(BaseCommand):
    help = "Print, as JSON, the 95th percentile of full-text search times in the database."

    def handle(self, *args, **options):
        timings = {}
        for kind, queries in QUERIES.items():
            for text in queries:
                sql, params = ranked_page_sql(MODELS[kind], text)
                execution_ms(sql, params)  # warm the cache, as a live server has it
                samples = [execution_ms(sql, params) for _ in range(RUNS)]
                timings[f"{text} ({kind})"] = p95(samples)
        self.stdout.write(json.dumps({"runs": RUNS, "queries": timings}))
