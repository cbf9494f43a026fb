"""Send the alert digests that are due. Run it from cron.

What alerts keep, and for how long, is erased by ``manage.py apply_retention`` with every other
app's personal data (alerts/contributions.py).
"""

from django.core.management.base import BaseCommand, CommandError

from alerts.services import alert_digests_send


class Command(BaseCommand):
    help = (
        "Queue today's alert digests (at most one email per address and day; weekly alerts "
        "once a week). Safe to run again. An alert that fails is logged and left out; the "
        "others are sent, and the command then exits with an error."
    )

    def handle(self, *args, **options):
        run = alert_digests_send()
        self.stdout.write(
            self.style.SUCCESS(
                f"Queued {run.sent} digests with {run.items} items; {run.skipped} addresses had "
                "nothing due."
            )
        )
        if run.failed:
            # After every address was tried: cron reports the failure, nobody missed a digest.
            ids = ", ".join(str(pk) for pk in run.failed)
            raise CommandError(
                f"{len(run.failed)} alerts failed and were left out (ids {ids}); see the log. "
                "They are tried again on the next run."
            )
