from django.core.management.base import BaseCommand

from core.publishing import publish_due


class Command(BaseCommand):
    help = "Publish the drafts whose chosen time has come (the email worker does it every loop)."

    def handle(self, *args, **options):
        count = publish_due()
        self.stdout.write(f"{count} item(s) published.")
