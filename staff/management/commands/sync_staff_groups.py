from django.core.management.base import BaseCommand

from staff.services import staff_groups_sync


class Command(BaseCommand):
    help = (
        "Create the staff groups and set their permissions from staff/roles.py "
        "(also runs after every migrate)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default")

    def handle(self, *args, database: str, **options):
        for name, count in staff_groups_sync(using=database).items():
            self.stdout.write(f"{name}: {count} permissions")
