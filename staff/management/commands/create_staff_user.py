import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from staff.roles import ADMINISTRATORS, GROUP_NAMES
from staff.services import staff_groups_sync

PASSWORD_ENV = "STAFF_USER_PASSWORD"


class Command(BaseCommand):
    help = (
        "Create a staff account in one or more staff groups; --administrator makes the first "
        "administrator. The password must pass the password validators. The second factor is "
        "set up at the first sign-in at /admin/."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", required=True)
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument(
            "--group",
            action="append",
            default=[],
            choices=GROUP_NAMES,
            help="a staff group (repeat for several)",
        )
        parser.add_argument(
            "--administrator",
            action="store_true",
            help="a superuser in the Administrators group",
        )
        parser.add_argument(
            "--no-input",
            action="store_true",
            dest="no_input",
            help=f"read the password from ${PASSWORD_ENV} instead of asking",
        )

    @transaction.atomic
    def handle(
        self,
        *args,
        username,
        email,
        first_name,
        last_name,
        group,
        administrator,
        no_input,
        **options,
    ):
        User = get_user_model()
        if User.objects.filter(username__iexact=username).exists():
            raise CommandError(f"A user named {username!r} already exists.")
        groups = set(group) | ({ADMINISTRATORS} if administrator else set())
        if not groups:
            raise CommandError("Give at least one --group, or --administrator.")
        user = User(
            username=username,
            email=email,
            first_name=first_name,
            last_name=last_name,
            is_staff=True,
            is_superuser=administrator,
        )
        password = self._password(no_input)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError("Password not accepted: " + " ".join(error.messages)) from None
        user.set_password(password)
        user.save()
        staff_groups_sync()
        user.groups.set(Group.objects.filter(name__in=groups))
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {username} ({', '.join(sorted(groups))}). They set up their "
                "authenticator app at their first sign-in at /admin/."
            )
        )

    def _password(self, no_input: bool) -> str:
        if no_input:
            password = os.environ.get(PASSWORD_ENV, "")
            if not password:
                raise CommandError(f"Set ${PASSWORD_ENV} when using --no-input.")
            return password
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("The two passwords differ.")
        return password
