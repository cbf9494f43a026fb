from django.core.management.base import BaseCommand, CommandError

from core.personal_data import erase_for_email


class Command(BaseCommand):
    help = "Erase everything the portal holds about an email address, in every app and the outbox."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--yes", action="store_true", help="Erase without asking.")

    def handle(self, *args, email: str, yes: bool, **options):
        email = email.strip()
        if not email:
            raise CommandError("Give the email address to erase.")
        if not yes:
            answer = input(f"Erase everything held about {email}? Type yes: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was erased.")
        for model, count in erase_for_email(email).items():
            self.stdout.write(f"{model}: {count}")
