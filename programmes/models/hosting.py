"""Offers from Swedish municipalities and regions to host study visits, and when they can."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import TimeStamped
from programmes.models.programme import Programme, WorkingLanguage
from reference.models import Organisation, Theme


class HostingKind(models.TextChoices):
    GROUP_VISIT = "group_visit", _("Group study visit")
    PLACEMENT = "placement", _("Two-day placement")


class HostingOffer(TimeStamped):
    """A Swedish municipality's or region's offer to host, as sent through the public form."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_REVIEW = "in_review", _("Being reviewed")
        ACCEPTED = "accepted", _("Accepted: in the pool of hosts")
        SCHEDULED = "scheduled", _("Visit scheduled")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn by the host")

    ACTIVE_STATUSES = (Status.NEW, Status.IN_REVIEW, Status.ACCEPTED, Status.SCHEDULED)

    class Accessibility(models.TextChoices):
        STEP_FREE = "step_free", _("Step-free throughout, with an accessible toilet")
        PARTLY = "partly", _("Partly accessible (please describe below)")
        NOT_STEP_FREE = "not_step_free", _("Not step-free")
        UNKNOWN = "unknown", _("We do not know yet")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("municipality or region"),
        on_delete=models.PROTECT,
        related_name="hosting_offers",
    )
    contact_name = models.CharField(_("contact person"), max_length=120)
    contact_role = models.CharField(_("role"), max_length=120, blank=True)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=30)
    hosting_kinds = ArrayField(
        models.CharField(max_length=20, choices=HostingKind.choices),
        verbose_name=_("kinds of hosting"),
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("areas of expertise"), blank=True, related_name="hosting_offers"
    )
    expertise = models.TextField(_("other expertise"), blank=True)
    programmes = models.ManyToManyField(
        Programme,
        verbose_name=_("programmes of interest"),
        blank=True,
        related_name="hosting_offers",
    )
    capacity = models.PositiveSmallIntegerField(
        _("visitors at one time"),
        help_text=_("The largest number of visitors the host can receive at the same time."),
    )
    languages = ArrayField(
        models.CharField(max_length=5, choices=WorkingLanguage.choices),
        verbose_name=_("working languages"),
    )
    accessibility = models.CharField(
        _("accessibility of the premises"), max_length=20, choices=Accessibility.choices
    )
    accessibility_notes = models.TextField(_("about accessibility"), blank=True)
    message = models.TextField(_("message"), blank=True)
    may_be_listed = models.BooleanField(
        _("may be listed as a host"),
        default=False,
        help_text=_("The host agreed to be named on the public “our hosts” page."),
    )
    consent_at = models.DateTimeField(_("consent given"))
    language = models.CharField(
        _("language of the offer"), max_length=5, choices=settings.LANGUAGES, default="sv"
    )
    submission_token = models.UUIDField(_("submission token"), unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    internal_notes = models.TextField(
        _("internal notes"), blank=True, help_text=_("Only ICLD staff see these.")
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        verbose_name = _("hosting offer")
        verbose_name_plural = _("hosting offers")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="offer_capacity_positive"),
        ]

    def __str__(self) -> str:
        return (
            f"{self.organisation} ({self.created_at:%Y-%m-%d})"
            if self.created_at
            else str(self.organisation)
        )

    def get_hosting_kinds_display(self) -> list:
        labels = dict(HostingKind.choices)
        return [labels.get(kind, kind) for kind in self.hosting_kinds]

    def get_languages_display(self) -> list:
        labels = dict(WorkingLanguage.choices)
        return [labels.get(code, code) for code in self.languages]


class HostingPeriod(models.Model):
    offer = models.ForeignKey(
        HostingOffer,
        verbose_name=_("hosting offer"),
        on_delete=models.CASCADE,
        related_name="periods",
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))

    class Meta:
        verbose_name = _("period when hosting is possible")
        verbose_name_plural = _("periods when hosting is possible")
        ordering = ["offer", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="hosting_period_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.starts_on} – {self.ends_on}"

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days + 1
