import time

from django.core.management.base import BaseCommand
from django.db import OperationalError, close_old_connections, connection
from django.utils import timezone

from core.models import OutboxMessage
from core.outbox import outbox_deliver_due


class Command(BaseCommand):
    help = (
        "Send the emails waiting in the outbox. Run it once (from cron) or with --loop as a "
        "worker; several workers may run at once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Keep running, polling for mail.")
        parser.add_argument("--interval", type=float, default=2.0, help="Seconds between polls.")
        parser.add_argument(
            "--now",
            action="store_true",
            help="Retry every waiting message at once (e.g. after a mail server outage is fixed).",
        )

    def handle(self, *args, loop: bool, interval: float, now: bool, **options):
        if now:
            waiting = OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING)
            waiting.update(next_attempt_at=timezone.now())
        while True:
            try:
                sent, failed = outbox_deliver_due()
            except OperationalError as error:
                # The database blipped; the worker outlives it.
                self.stderr.write(f"database unavailable: {error}")
                connection.close()
                sent = failed = 0
            if sent or failed or not loop:
                self.stdout.write(f"sent {sent}, failed {failed}")
            if not loop:
                return
            close_old_connections()
            time.sleep(interval)
