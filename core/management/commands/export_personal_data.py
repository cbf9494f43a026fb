import json
from pathlib import Path

from django.core.management.base import BaseCommand

from core.personal_data import export_for_email


class Command(BaseCommand):
    help = "Write everything the portal holds about an email address, in every app, as JSON."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--output", type=Path, help="A file to write (default: the screen).")

    def handle(self, *args, email: str, output: Path | None, **options):
        text = json.dumps(export_for_email(email), ensure_ascii=False, indent=2)
        if output:
            output.write_text(text + "\n", encoding="utf-8")
            self.stdout.write(f"Wrote {output}")
        else:
            self.stdout.write(text)
