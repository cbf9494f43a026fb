"""Send the alert digests that are due, and delete what is kept no longer. Run it from cron."""

from django.core.management.base import BaseCommand

from alerts.services import alert_digests_send, alerts_delete_expired


class Command(BaseCommand):
    help = (
        "Queue today's alert digests (at most one email per address and day; weekly alerts "
        "once a week) and delete alerts unconfirmed after a week. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--cleanup-only",
            action="store_true",
            help="Only delete unconfirmed alerts and old records; send nothing.",
        )

    def handle(self, *args, cleanup_only: bool = False, **options):
        deleted = alerts_delete_expired()
        self.stdout.write(
            f"Deleted {deleted['unconfirmed']} unconfirmed alerts, "
            f"{deleted['manage_requests']} manage-link requests, "
            f"{deleted['digests']} digest records."
        )
        if cleanup_only:
            return
        run = alert_digests_send()
        self.stdout.write(
            self.style.SUCCESS(
                f"Queued {run.sent} digests with {run.items} items; {run.skipped} addresses had "
                "nothing due."
            )
        )
