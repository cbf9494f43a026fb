from django.core.management.base import BaseCommand

from knowledge.services import registrations_purge_expired


class Command(BaseCommand):
    help = "Delete seminar sign-ups for events that ended more than six months ago (run daily)."

    def handle(self, *args, **options):
        deleted = registrations_purge_expired()
        self.stdout.write(f"Deleted {deleted} expired event registrations.")
