"""Remove the personal data of interest registrations closed longer than the retention period.

    manage.py anonymise_registrations            # ICLD_PARTNERSHIP_RETENTION_MONTHS, default 24
    manage.py anonymise_registrations --months 12

Organisation, countries, themes, dates, language and status are kept for statistics. Run it
daily (cron or a scheduled job); a second run the same day changes nothing.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from partnerships import services

DEFAULT_MONTHS = 24


class Command(BaseCommand):
    help = "Anonymise interest registrations closed longer than the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help="Months after closing (default: ICLD_PARTNERSHIP_RETENTION_MONTHS or 24).",
        )

    def handle(self, *args, months=None, **options):
        if months is None:
            months = getattr(settings, "ICLD_PARTNERSHIP_RETENTION_MONTHS", DEFAULT_MONTHS)
        if months < 1:
            raise CommandError("--months must be at least 1.")
        count = services.registrations_anonymise_closed(months=months)
        self.stdout.write(f"Anonymised {count} registrations closed more than {months} months ago.")
