"""Time full-text searches in the research library (used by bench/run.py)."""

import json
import statistics
import time

from django.core.management.base import BaseCommand
from django.utils import translation

from bench.datasets.knowledge import search

QUERIES = {
    "en": ["local democracy", "gender equality", '"participatory budgeting"'],
    "sv": ["lokal demokrati", "barn skola"],
}


class Command(BaseCommand):
    help = "Print, as JSON, the median time of library full-text searches."

    def handle(self, *args, **options):
        runs = 7
        timings = {}
        for language, queries in QUERIES.items():
            with translation.override(language):
                for query in queries:
                    samples = []
                    for _ in range(runs):
                        started = time.perf_counter()
                        search(query)
                        samples.append((time.perf_counter() - started) * 1000)
                    timings[f"{query} ({language})"] = statistics.median(samples)
        self.stdout.write(json.dumps({"runs": runs, "queries": timings}))
