"""Application rounds, and interest registrations from Swedish organisations with their
follow-up and matches."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.history import ChangeRecord, event_field
from core.i18n import TranslatedField
from core.models import TimeStamped
from partnerships.models.seeker import PartnerSeeker
from reference.models import Country, Organisation, Theme

STOCKHOLM = ZoneInfo("Europe/Stockholm")

# Fields that hold personal data: emptied by anonymisation and erasure.
PERSONAL_FIELDS = ("contact_name", "role", "email", "phone", "message", "internal_notes")


def stockholm_today() -> date:
    """Today's date in Sweden: a round closing on 15 March is open until midnight in Stockholm."""
    return timezone.now().astimezone(STOCKHOLM).date()


class ApplicationRoundQuerySet(models.QuerySet):
    def open_on(self, day: date):
        return self.filter(opens_on__lte=day, closes_on__gte=day)

    def for_day(self, day: date) -> ApplicationRound | None:
        """The round a registration made on ``day`` belongs to: the one open that day, else
        the next one to open (interest shown between rounds prepares for the next)."""
        # One query: the open rounds first, the one closing soonest first; then the
        # upcoming ones, the one opening soonest first.
        opens_later = models.Q(opens_on__gt=day)
        return (
            self.filter(models.Q(opens_on__lte=day, closes_on__gte=day) | opens_later)
            .alias(
                later=models.ExpressionWrapper(opens_later, output_field=models.BooleanField()),
                soonest=models.Case(
                    models.When(opens_later, then=models.F("opens_on")),
                    default=models.F("closes_on"),
                ),
            )
            .order_by("later", "soonest", "pk")
            .first()
        )

    def upcoming_on(self, day: date):
        return self.filter(opens_on__gt=day)


class ApplicationRound(models.Model):
    """A window in which Swedish organisations can apply for a partnership."""

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


class InterestRegistrationQuerySet(models.QuerySet):
    def not_anonymised(self):
        return self.filter(anonymised_at__isnull=True)

    def for_email(self, email: str):
        return self.filter(email__iexact=email.strip()) if email.strip() else self.none()


class InterestRegistration(TimeStamped):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        CONTACTED = "contacted", _("Contacted")
        MATCHED = "matched", _("Matched")
        CLOSED = "closed", _("Closed")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="interest_registrations",
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    role = models.CharField(_("role or title"), max_length=200, blank=True)
    email = models.EmailField(_("work email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    countries = models.ManyToManyField(
        Country,
        verbose_name=_("partner countries of interest"),
        blank=True,
        related_name="interest_registrations",
    )
    themes = models.ManyToManyField(
        Theme,
        verbose_name=_("themes of interest"),
        blank=True,
        related_name="interest_registrations",
    )
    message = models.TextField(_("message"), blank=True)
    language = models.CharField(
        _("language for replies"), max_length=2, choices=settings.LANGUAGES, default="sv"
    )
    seeker = models.ForeignKey(
        PartnerSeeker,
        verbose_name=_("partner seeker chosen on the website"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="interest_registrations",
    )
    application_round = models.ForeignKey(
        ApplicationRound,
        verbose_name=_("application round"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="interest_registrations",
        help_text=_("The round open when the registration arrived, or else the next one to open."),
    )
    consented_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    submission_token = models.UUIDField(_("submission token"), unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"is_staff": True},
    )
    internal_notes = models.TextField(_("internal notes"), blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)

    objects = InterestRegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("interest registration")
        verbose_name_plural = _("interest registrations")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return (
            f"{self.organisation} – {self.created_at:%Y-%m-%d}"
            if self.created_at
            else str(self.organisation)
        )


class RegistrationEvent(ChangeRecord):
    """One change to a registration: who, when, and each field's old and new value."""

    class Event(models.TextChoices):
        RECEIVED = "received", _("Received from the website")
        CHANGED = "changed", _("Changed")
        MATCHED = "matched", _("Match recorded")

    registration = models.ForeignKey(
        InterestRegistration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="events",
    )
    event = event_field(Event.choices)

    # A match is stored as the partner seeker's slug under this key.
    extra_labels = {"match": _("match")}

    class Meta(ChangeRecord.Meta):
        verbose_name = _("registration history entry")
        verbose_name_plural = _("registration history")

    def changed_model(self) -> type[models.Model]:
        return InterestRegistration


class Match(models.Model):
    """ICLD put a Swedish organisation's interest and a partner seeker in touch."""

    registration = models.ForeignKey(
        InterestRegistration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="matches",
    )
    seeker = models.ForeignKey(
        PartnerSeeker,
        verbose_name=_("partner seeker"),
        on_delete=models.CASCADE,
        related_name="matches",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "seeker"], name="match_once"),
        ]

    def __str__(self) -> str:
        return f"{self.registration.organisation} ↔ {self.seeker}"
