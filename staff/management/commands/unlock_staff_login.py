from django.core.management.base import BaseCommand, CommandError

from staff import lockout


class Command(BaseCommand):
    help = "Lift an admin login lockout for a username and/or a client address before it ends."

    def add_arguments(self, parser):
        parser.add_argument("--username")
        parser.add_argument("--address", help="the client IP address that is locked out")

    def handle(self, *args, username=None, address=None, **options):
        if not username and not address:
            raise CommandError("Give --username, --address or both.")
        lockout.clear(username=username, address=address)
        self.stdout.write(self.style.SUCCESS("Unlocked."))
