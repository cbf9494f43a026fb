"""Fill a benchmark database with a large, realistic, bilingual data set.

One module per area in ``bench/datasets/``: ``generate(scale, stdout)`` tops its tables up to
``scale`` times the full size (so it can be run at 10% and then at 100%), and ``counts()``
reports what is there.
"""

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from bench.datasets import core, knowledge, partnerships, programmes

DATASETS = [core, partnerships, programmes, knowledge]


class Command(BaseCommand):
    help = "Generate the benchmark data set (only in a database whose name ends in _bench)."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0)
        parser.add_argument("--report", action="store_true", help="Print the row counts as JSON.")

    def handle(self, *args, scale: float, report: bool, **options):
        if not settings.DATABASES["default"]["NAME"].endswith("_bench"):
            raise CommandError("bench_data only writes to a database whose name ends in _bench.")
        if report:
            counts = {}
            for dataset in DATASETS:
                counts.update(dataset.counts())
            self.stdout.write(json.dumps(counts))
            return
        for dataset in DATASETS:
            dataset.generate(scale=scale, stdout=self.stdout)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
