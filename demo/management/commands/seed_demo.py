from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo import alerts, knowledge, partnerships, partnerships_interest, programmes

# In this order: later parts use organisations the partnership part adds.
PARTS = [partnerships, partnerships_interest, programmes, knowledge, alerts]


class Command(BaseCommand):
    help = (
        "Load realistic demo content in Swedish and English. Safe to run again: it changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Run even with DEBUG off (for benchmark and browser-test databases).",
        )

    def handle(self, *args, allow_production: bool, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError("Refusing to load demo content with DEBUG off.")
        for part in PARTS:
            with transaction.atomic():
                part.seed(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
