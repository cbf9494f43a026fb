"""What the staff app adds to the portal's shared features (see core.registries)."""

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from core import registries
from core.personal_data import PersonalData, Retention, declare

registries.private_models.register("staff.RecoveryCode")


def _sign_in_failures_of(email: str):
    usernames = get_user_model().objects.filter(email__iexact=email).values("username")
    return AccessAttempt.objects.filter(username__in=usernames)


declare(
    PersonalData(
        model="axes.AccessAttempt",
        kind=_("Failed sign-ins to the admin"),
        fields=("username", "ip_address", "user_agent", "attempt_time", "failures_since_start"),
        email_fields=(),
        rows=_sign_in_failures_of,
        retention=Retention(
            period=_("Until the sign-in lock has ended (15 minutes after the last failure)."),
            due=lambda now: AccessAttempt.objects.filter(
                attempt_time__lt=now - settings.AXES_COOLOFF_TIME
            ),
        ),
        ordering=95,
    )
)
