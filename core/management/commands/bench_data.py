"""Fill a benchmark database with a large, realistic, bilingual data set.

Each app contributes in <app>/bench.py: ``generate(scale, stdout)`` tops its tables up to
``scale`` times the full size (so it can be run at 10% and then at 100%), and ``counts()``
reports what is there.
"""

import json
from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

BENCH_MODULES = ["core.bench", "partnerships.bench", "programmes.bench", "knowledge.bench"]


def bench_modules():
    for name in BENCH_MODULES:
        try:
            yield import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise


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
            for module in bench_modules():
                counts.update(module.counts())
            self.stdout.write(json.dumps(counts))
            return
        for module in bench_modules():
            module.generate(scale=scale, stdout=self.stdout)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
