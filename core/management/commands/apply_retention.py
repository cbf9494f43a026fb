"""Delete personal data the privacy notice says we no longer keep (run daily from cron).

- accessibility reports two years after they were answered or closed;
- sent emails in the outbox after 30 days (they repeat what the submissions hold).
Each app's own retention (registrations, sign-ups) has a command of its own.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from core.models import AccessibilityReport, OutboxMessage

REPORT_RETENTION = timedelta(days=730)
SENT_EMAIL_RETENTION = timedelta(days=30)


class Command(BaseCommand):
    help = "Delete accessibility reports and sent emails that are past their retention period."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would go.")

    def handle(self, *args, dry_run: bool, **options):
        now = timezone.now()
        reports = AccessibilityReport.objects.filter(
            Q(status=AccessibilityReport.Status.ANSWERED, replied_at__lt=now - REPORT_RETENTION)
            | Q(status=AccessibilityReport.Status.CLOSED, updated_at__lt=now - REPORT_RETENTION)
        )
        emails = OutboxMessage.objects.filter(
            status=OutboxMessage.Status.SENT, sent_at__lt=now - SENT_EMAIL_RETENTION
        )
        counts = {"accessibility reports": reports.count(), "sent emails": emails.count()}
        if not dry_run:
            reports.delete()
            emails.delete()
        verb = "would delete" if dry_run else "deleted"
        self.stdout.write(", ".join(f"{verb} {count} {label}" for label, count in counts.items()))
