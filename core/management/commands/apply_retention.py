"""Erase the personal data that is past its retention period, in every app (run daily).

What each app keeps and for how long is declared once, in its contributions module
(core.personal_data); the privacy notice lists the same periods.
"""

from django.core.management.base import BaseCommand

from core.personal_data import apply_retention


class Command(BaseCommand):
    help = "Erase personal data past its retention period, in every app (run daily)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would go.")

    def handle(self, *args, dry_run: bool, **options):
        counts = apply_retention(dry_run=dry_run)
        verb = "would erase" if dry_run else "erased"
        for model, count in counts.items():
            self.stdout.write(f"{model}: {verb} {count}")
