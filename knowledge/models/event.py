"""Seminars, workshops and conferences, and the sign-ups for them."""

from __future__ import annotations

from datetime import datetime

from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.i18n import TranslatedField
from core.models import HasLeadImage
from core.publishing import Publishable, PublishableQuerySet, published_field
from core.richtext import RICH_TEXT_HELP, RichTextField
from core.search import search_vector_field
from knowledge.models.publication import Person


class EventQuerySet(PublishableQuerySet):
    def upcoming(self, now: datetime | None = None):
        return (
            self.published().filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")
        )

    def past(self, now: datetime | None = None):
        return (
            self.published().filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")
        )


class Event(Publishable, HasLeadImage):
    class Kind(models.TextChoices):
        SEMINAR = "seminar", _("Seminar")
        WORKSHOP = "workshop", _("Workshop")
        WEBINAR = "webinar", _("Webinar")
        CONFERENCE = "conference", _("Conference")

    class Language(models.TextChoices):
        SWEDISH = "sv", _("Swedish")
        ENGLISH = "en", _("English")
        BOTH = "sv_en", _("Swedish and English")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    # Staff publish these as they save them (partnerships and stories start as drafts).
    is_published = published_field(default=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = TranslatedField(models.CharField, _("title"), max_length=250)
    summary = TranslatedField(models.TextField, _("summary"), required=(), blank=True)
    description = TranslatedField(
        RichTextField, _("description"), required=(), blank=True, help_text=RICH_TEXT_HELP
    )
    starts_at = models.DateTimeField(_("starts"), help_text=_("Swedish time (Europe/Stockholm)."))
    ends_at = models.DateTimeField(_("ends"), help_text=_("Swedish time (Europe/Stockholm)."))
    venue = TranslatedField(
        models.CharField,
        _("place"),
        max_length=250,
        required=(),
        blank=True,
        help_text=_("Venue and address; leave empty for an online-only event."),
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.ENGLISH
    )
    is_cancelled = models.BooleanField(
        _("cancelled"),
        default=False,
        help_text=_(
            "The page stays and says the event is cancelled; sign-up closes, no reminders are "
            "sent, and everyone signed up is emailed once."
        ),
    )
    registration_enabled = models.BooleanField(_("sign-up on this site"), default=True)
    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration_deadline = models.DateTimeField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_("Sign-up also closes when the event starts."),
    )
    speakers = models.ManyToManyField(
        Person, blank=True, related_name="events", verbose_name=_("speakers")
    )
    themes = models.ManyToManyField(
        "reference.Theme", blank=True, related_name="events", verbose_name=_("themes")
    )
    countries = models.ManyToManyField(
        "reference.Country", blank=True, related_name="events", verbose_name=_("countries")
    )
    # The municipalities and partner organisations that host or take part: the event is
    # shown on their pages.
    organisations = models.ManyToManyField(
        "reference.Organisation",
        blank=True,
        related_name="events",
        verbose_name=_("organisations"),
        help_text=_("Hosts and partners; the event is shown on their pages."),
    )
    created_at = models.DateTimeField(_("added"), default=timezone.now)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    # The calendar files' SEQUENCE: raised when the people signed up are told of a
    # cancellation or a new date, time or place (services.event_save), so their calendar
    # replaces the entry it has.
    calendar_sequence = models.PositiveIntegerField(
        _("calendar version"), default=0, editable=False
    )

    objects = EventQuerySet.as_manager()

    search_vector = search_vector_field(a=["title"], b=["summary"], c=["description", "venue"])

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-starts_at"]
        indexes = [
            models.Index(fields=["ends_at", "starts_at"], name="knowledge_event_dates"),
            GinIndex(fields=["search_vector"], name="knowledge_event_search"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="knowledge_event_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:event", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("The event must end after it starts.")
        if (
            self.registration_deadline
            and self.starts_at
            and self.registration_deadline > self.starts_at
        ):
            errors["registration_deadline"] = _("The deadline must be before the event starts.")
        if not self.venue_sv and not self.online_url:
            errors["venue_sv"] = _("Give a place, an online link, or both.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_online(self) -> bool:
        return bool(self.online_url)

    def registration_closes_at(self) -> datetime:
        if self.registration_deadline and self.registration_deadline < self.starts_at:
            return self.registration_deadline
        return self.starts_at

    def registration_is_open(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return (
            self.registration_enabled
            and self.is_published
            and not self.is_cancelled
            and now < self.registration_closes_at()
        )

    def is_past(self, now: datetime | None = None) -> bool:
        return self.ends_at < (now or timezone.now())


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", pgettext_lazy("registration status", "Confirmed")
        WAITING = "waiting", pgettext_lazy("registration status", "Waiting list")
        CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    needs = models.TextField(_("dietary or accessibility needs"), blank=True, max_length=1000)
    consent = models.BooleanField(_("consent given"), default=False)
    language = models.CharField(_("language"), max_length=2, default="sv")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    submission_token = models.UUIDField(_("submission token"), unique=True, editable=False)
    created_at = models.DateTimeField(_("signed up"), default=timezone.now)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)
    # Signing up again with the address re-sends the details once, never more: a form must
    # not be a way to send one address email after email.
    reminder_sent_at = models.DateTimeField(_("details sent again"), null=True, blank=True)
    # The reminder before the event (services.event.registration_reminders): set in the
    # transaction that queues it, so it goes once.
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["event", "status", "created_at"], name="knowledge_reg_queue")
        ]
        constraints = [
            # One active sign-up per email address and event.
            models.UniqueConstraint(
                "event",
                Lower("email"),
                condition=~models.Q(status="cancelled"),
                name="knowledge_registration_once_per_email",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"
