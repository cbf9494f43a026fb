"""Send the alert digests that are due. Run it from cron.

What alerts keep, and for how long, is erased by ``manage.py apply_retention`` with every other
app's personal data (alerts/contributions.py).
"""

from django.core.management.base import BaseCommand

from alerts.services import alert_digests_send


class Command(BaseCommand):
    help = (
        "Queue today's alert digests (at most one email per address and day; weekly alerts "
        "once a week). Safe to run again."
    )

    def handle(self, *args, **options):
        run = alert_digests_send()
        self.stdout.write(
            self.style.SUCCESS(
                f"Queued {run.sent} digests with {run.items} items; {run.skipped} addresses had "
                "nothing due."
            )
        )
