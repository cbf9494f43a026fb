"""Visits booked with a host for an intake.

PostgreSQL itself refuses two visits for one host on overlapping dates (an exclusion
constraint), whatever saves them.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateRangeField, RangeOperators
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.i18n import TranslatedField
from core.models import TimeStamped
from programmes.models.hosting import HostingKind, HostingOffer
from programmes.models.programme import Intake, today
from reference.models import Organisation


class DateRange(models.Func):
    """``daterange(start, end, '[]')``: both days included."""

    function = "DATERANGE"
    output_field = DateRangeField()

    def __init__(self, start, end, bounds="[]"):
        super().__init__(start, end, models.Value(bounds))


VISIT_OVERLAP_CONSTRAINT = "visit_no_double_booking"


class ScheduledVisitQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=ScheduledVisit.Status.CANCELLED)

    def hosted(self, on: date | None = None):
        """Visits that have taken place: confirmed or completed, and over."""
        on = on or today()
        return self.filter(
            status__in=[ScheduledVisit.Status.CONFIRMED, ScheduledVisit.Status.COMPLETED],
            ends_on__lt=on,
        )

    def listed(self):
        return self.filter(host_may_be_listed=True)

    def overlapping(self, *, host, starts_on: date, ends_on: date):
        return self.active().filter(host=host, starts_on__lte=ends_on, ends_on__gte=starts_on)


class ScheduledVisit(TimeStamped):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed to the host")
        # A visit is "bekräftat" and "genomfört"; other things are confirmed or completed
        # in other Swedish words.
        CONFIRMED = "confirmed", pgettext_lazy("visit status", "Confirmed")
        COMPLETED = "completed", pgettext_lazy("visit status", "Completed")
        CANCELLED = "cancelled", _("Cancelled")

    OVERLAP_CONSTRAINT = VISIT_OVERLAP_CONSTRAINT

    intake = models.ForeignKey(
        Intake, verbose_name=_("intake"), on_delete=models.PROTECT, related_name="visits"
    )
    host = models.ForeignKey(
        Organisation,
        verbose_name=_("host"),
        on_delete=models.PROTECT,
        related_name="hosted_visits",
    )
    offer = models.ForeignKey(
        HostingOffer,
        verbose_name=_("from offer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visits",
    )
    kind = models.CharField(_("kind of hosting"), max_length=20, choices=HostingKind.choices)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    participants = models.PositiveSmallIntegerField(_("visitors"), default=25)
    topic = TranslatedField(models.CharField, _("topic"), max_length=200, blank=True, required=())
    contact_name = models.CharField(_("host contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("host contact email"), blank=True)
    contact_language = models.CharField(
        _("host's language"), max_length=5, choices=settings.LANGUAGES, default="sv"
    )
    host_may_be_listed = models.BooleanField(
        _("host may be listed publicly"),
        default=False,
        help_text=_("Show the host on the public “our hosts” page once the visit is over."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    internal_notes = models.TextField(_("internal notes"), blank=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), null=True, blank=True)

    objects = ScheduledVisitQuerySet.as_manager()

    class Meta:
        verbose_name = _("scheduled visit")
        verbose_name_plural = _("scheduled visits")
        ordering = ["starts_on", "host"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="visit_ends_after_start"
            ),
            # The database, not the application, guarantees that one host never has two
            # visits on the same day: this holds for concurrent saves from any source.
            ExclusionConstraint(
                name=VISIT_OVERLAP_CONSTRAINT,
                expressions=[
                    ("host", RangeOperators.EQUAL),
                    (DateRange("starts_on", "ends_on"), RangeOperators.OVERLAPS),
                ],
                condition=~Q(status="cancelled"),
                violation_error_message=_("This host already has a visit on some of these dates."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.host} · {self.starts_on:%Y-%m-%d}"

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day cannot be before the first day.")})

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days + 1
