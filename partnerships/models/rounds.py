"""Application rounds: the windows in which Swedish organisations can apply for a partnership."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.i18n import TranslatedField

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def stockholm_today() -> date:
    """Today's date in Sweden: a round closing on 15 March is open until midnight in Stockholm."""
    return timezone.now().astimezone(STOCKHOLM).date()


class ApplicationRoundQuerySet(models.QuerySet):
    def open_on(self, day: date):
        return self.filter(opens_on__lte=day, closes_on__gte=day)

    def upcoming_on(self, day: date):
        return self.filter(opens_on__gt=day)


class ApplicationRound(models.Model):
    class State(models.TextChoices):
        OPEN = "open", _("Open")
        UPCOMING = "upcoming", _("Not open yet")
        CLOSED = "closed", _("Closed")

    name = TranslatedField(
        models.CharField, _("name"), max_length=100, help_text=_("For example “Spring 2027”.")
    )
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(
        _("closes on"),
        help_text=_("The last day to apply; the round closes at midnight, Swedish time."),
    )
    guidance = TranslatedField(
        models.TextField,
        _("what to prepare"),
        blank=True,
        required=(),
        help_text=_("Shown with the round and in the confirmation of an interest registration."),
    )

    objects = ApplicationRoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("application round")
        verbose_name_plural = _("application rounds")
        ordering = ["opens_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")), name="round_closes_after_opening"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def state_on(self, day: date | None = None) -> str:
        day = day or stockholm_today()
        if day < self.opens_on:
            return self.State.UPCOMING
        if day > self.closes_on:
            return self.State.CLOSED
        return self.State.OPEN

    def days_until_opening(self, day: date | None = None) -> int:
        return max(0, (self.opens_on - (day or stockholm_today())).days)

    def days_left(self, day: date | None = None) -> int:
        """Days left to apply, today included (1 on the closing day itself)."""
        return max(0, (self.closes_on - (day or stockholm_today())).days + 1)
