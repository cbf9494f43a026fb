from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

# Each app adds its part of the demo content in <app>/demo.py, as seed(stdout).
DEMO_MODULES = ["partnerships.demo", "programmes.demo", "knowledge.demo", "alerts.demo"]


class Command(BaseCommand):
    help = (
        "Load realistic demo content in Swedish and English. Safe to run again: it changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Run even with DEBUG off (for benchmark and browser-test databases).",
        )

    def handle(self, *args, allow_production: bool, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError("Refusing to load demo content with DEBUG off.")
        for module_name in DEMO_MODULES:
            try:
                module = import_module(module_name)
            except ModuleNotFoundError as error:
                if error.name != module_name:
                    raise
                continue
            with transaction.atomic():
                module.seed(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
