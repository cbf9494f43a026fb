"""The knowledge centre: research library, research calls, seminars and their sign-ups.

Publications, events and research calls point at the shared vocabulary in
``reference`` (themes, countries, organisations), which is what lets a theme's
or a country's page gather everything ICLD does with it.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Coalesce, Lower, NullIf
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.i18n import TranslatedField
from knowledge import validators

DOCUMENT_LANGUAGES = [
    ("sv", _("Swedish")),
    ("en", _("English")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("pt", _("Portuguese")),
    ("ru", _("Russian")),
]


def upload_publication_pdf(instance, filename: str) -> str:
    # A random name: the stored name never reveals or depends on what was uploaded.
    return f"knowledge/publications/{uuid.uuid4().hex}.pdf"


def upload_call_document(instance, filename: str) -> str:
    return f"knowledge/calls/{uuid.uuid4().hex}.pdf"


def upload_cover(instance, filename: str) -> str:
    return f"knowledge/covers/{uuid.uuid4().hex}"


class Person(models.Model):
    """An author of publications or a speaker at events."""

    given_names = models.CharField(_("given names"), max_length=120)
    family_name = models.CharField(_("family name"), max_length=120)
    affiliation = models.CharField(
        _("affiliation"),
        max_length=200,
        blank=True,
        help_text=_("University or organisation, e.g. “University of Gothenburg”."),
    )
    orcid = models.CharField(
        _("ORCID iD"),
        max_length=19,
        blank=True,
        validators=[validators.validate_orcid],
        help_text=_("Optional, e.g. 0000-0002-1825-0097."),
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["family_name", "given_names"]
        indexes = [models.Index(Lower("family_name"), name="knowledge_person_family_lower")]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return f"{self.given_names} {self.family_name}".strip()

    @property
    def initials(self) -> str:
        parts = self.given_names.replace("-", " ").split()
        return " ".join(f"{part[0]}." for part in parts if part)

    @property
    def orcid_url(self) -> str:
        return f"https://orcid.org/{self.orcid}" if self.orcid else ""

    def clean(self) -> None:
        self.orcid = validators.normalise_orcid(self.orcid)


class PublicationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Publication(models.Model):
    class Type(models.TextChoices):
        RESEARCH_REPORT = "research_report", _("Research report")
        WORKING_PAPER = "working_paper", _("Working paper")
        POLICY_BRIEF = "policy_brief", _("Policy brief")
        ANTHOLOGY = "anthology", _("Anthology")
        CONFERENCE_REPORT = "conference_report", _("Conference report")
        OTHER = "other", pgettext_lazy("publication type", "Other")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    type = models.CharField(_("type"), max_length=30, choices=Type.choices)
    title = TranslatedField(models.CharField, _("title"), max_length=300)
    abstract = TranslatedField(models.TextField, _("abstract"), required=(), blank=True)
    document_languages = ArrayField(
        models.CharField(max_length=2, choices=DOCUMENT_LANGUAGES),
        verbose_name=_("languages of the document"),
        default=list,
        help_text=_("The language(s) the document itself is written in."),
    )
    authors = models.ManyToManyField(
        Person, through="Authorship", related_name="publications", verbose_name=_("authors")
    )
    # Kept up to date by a database trigger on the authorship and person tables, so
    # the search vector (a generated column) can include the authors' names.
    author_names = models.TextField(_("author names"), blank=True, default="", editable=False)
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(1900)])
    themes = models.ManyToManyField(
        "reference.Theme", blank=True, related_name="publications", verbose_name=_("themes")
    )
    countries = models.ManyToManyField(
        "reference.Country", blank=True, related_name="publications", verbose_name=_("countries")
    )
    organisations = models.ManyToManyField(
        "reference.Organisation",
        blank=True,
        related_name="publications",
        verbose_name=_("organisations"),
        help_text=_("Municipalities, regions or partner governments the publication is about."),
    )
    file = models.FileField(
        _("PDF file"),
        upload_to=upload_publication_pdf,
        blank=True,
        validators=[FileExtensionValidator(["pdf"]), validators.validate_pdf],
    )
    doi = models.CharField(
        _("DOI"), max_length=200, blank=True, validators=[validators.validate_doi]
    )
    isbn = models.CharField(
        _("ISBN"), max_length=17, blank=True, validators=[validators.validate_isbn]
    )
    external_url = models.URLField(_("external link"), blank=True)
    cover_image = models.FileField(
        _("cover image"),
        upload_to=upload_cover,
        blank=True,
        validators=[validators.validate_image],
        help_text=_("PNG, JPEG or WebP, at most 5 MB."),
    )
    cover_alt = TranslatedField(
        models.CharField, _("cover image text alternative"), max_length=250, required=(), blank=True
    )
    is_published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(_("added"), default=timezone.now)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    search_vector = models.GeneratedField(
        expression=(
            SearchVector("title_sv", config="swedish", weight="A")
            + SearchVector("title_en", config="english", weight="A")
            + SearchVector("author_names", config="simple", weight="B")
            + SearchVector("abstract_sv", config="swedish", weight="C")
            + SearchVector("abstract_en", config="english", weight="C")
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = PublicationQuerySet.as_manager()

    class Meta:
        verbose_name = pgettext_lazy("research library", "publication")
        verbose_name_plural = pgettext_lazy("research library", "publications")
        ordering = ["-year", "-created_at"]
        indexes = [
            GinIndex(fields=["search_vector"], name="knowledge_pub_search"),
            GinIndex(fields=["document_languages"], name="knowledge_pub_languages"),
            models.Index(fields=["-year", "-created_at"], name="knowledge_pub_newest"),
            models.Index(fields=["type"], name="knowledge_pub_type"),
            # Counts and facets read only this small index (index-only scans), never the
            # wide rows with abstracts and search vectors.
            models.Index(
                fields=["type", "year"],
                include=["id", "document_languages"],
                condition=models.Q(is_published=True),
                name="knowledge_pub_facets",
            ),
            # Sorting by title in each language walks an index instead of sorting every row.
            models.Index(
                Lower(
                    Coalesce(NullIf(models.F("title_sv"), models.Value("")), models.F("title_en"))
                ),
                models.F("id"),
                name="knowledge_pub_title_sv",
            ),
            models.Index(
                Lower(
                    Coalesce(NullIf(models.F("title_en"), models.Value("")), models.F("title_sv"))
                ),
                models.F("id"),
                name="knowledge_pub_title_en",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:publication", kwargs={"slug": self.slug})

    def clean(self) -> None:
        self.doi = validators.normalise_doi(self.doi)
        self.isbn = self.isbn.strip()
        errors = {}
        if self.cover_image and not self.cover_alt_sv:
            errors["cover_alt_sv"] = _("Describe the cover image for people who cannot see it.")
        if not self.document_languages:
            errors["document_languages"] = _("Choose at least one language.")
        if errors:
            raise ValidationError(errors)

    @property
    def download_filename(self) -> str:
        return f"icld-{self.year}-{self.slug}"[:120] + ".pdf"


class Authorship(models.Model):
    publication = models.ForeignKey(
        Publication, on_delete=models.CASCADE, related_name="authorships"
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="authorships", verbose_name=_("person")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "person"], name="knowledge_authorship_once"
            ),
        ]

    def __str__(self) -> str:
        return str(self.person)


class ResearchCallQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def open(self, now: datetime | None = None):
        now = now or timezone.now()
        return self.published().filter(opens_at__lte=now, closes_at__gt=now)


class ResearchCall(models.Model):
    class Status(models.TextChoices):
        UPCOMING = "upcoming", _("Opens soon")
        OPEN = "open", _("Open")
        CLOSED = "closed", pgettext_lazy("research call", "Closed")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = TranslatedField(models.CharField, _("title"), max_length=250)
    summary = TranslatedField(models.TextField, _("summary"), required=(), blank=True)
    description = TranslatedField(
        models.TextField, _("description"), help_text=_("Basic HTML: paragraphs, lists and links.")
    )
    eligibility = TranslatedField(
        models.TextField,
        _("who may apply"),
        required=(),
        blank=True,
        help_text=_("Basic HTML: paragraphs, lists and links."),
    )
    amount = TranslatedField(
        models.CharField,
        _("amount"),
        max_length=200,
        required=(),
        blank=True,
        help_text=_("For example “Up to SEK 1 million per project”."),
    )
    max_amount_sek = models.PositiveIntegerField(_("largest grant (SEK)"), null=True, blank=True)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    apply_url = models.URLField(_("where to apply"), blank=True)
    themes = models.ManyToManyField(
        "reference.Theme", blank=True, related_name="research_calls", verbose_name=_("themes")
    )
    is_published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(_("added"), default=timezone.now)

    objects = ResearchCallQuerySet.as_manager()

    class Meta:
        verbose_name = _("research call")
        verbose_name_plural = _("research calls")
        ordering = ["-closes_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="knowledge_call_closes_after_opening",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:call", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The call must close after it opens.")})

    def status_at(self, now: datetime | None = None) -> str:
        now = now or timezone.now()
        if now < self.opens_at:
            return self.Status.UPCOMING
        if now < self.closes_at:
            return self.Status.OPEN
        return self.Status.CLOSED

    @property
    def status(self) -> str:
        return self.status_at()

    @property
    def status_label(self) -> str:
        return self.Status(self.status).label


class CallDocument(models.Model):
    call = models.ForeignKey(ResearchCall, on_delete=models.CASCADE, related_name="documents")
    title = TranslatedField(models.CharField, _("title"), max_length=200)
    file = models.FileField(
        _("PDF file"),
        upload_to=upload_call_document,
        validators=[FileExtensionValidator(["pdf"]), validators.validate_pdf],
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("call document")
        verbose_name_plural = _("call documents")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:call_document", kwargs={"slug": self.call.slug, "pk": self.pk})


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def upcoming(self, now: datetime | None = None):
        return (
            self.published().filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")
        )

    def past(self, now: datetime | None = None):
        return (
            self.published().filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")
        )


class Event(models.Model):
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
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = TranslatedField(models.CharField, _("title"), max_length=250)
    summary = TranslatedField(models.TextField, _("summary"), required=(), blank=True)
    description = TranslatedField(
        models.TextField,
        _("description"),
        required=(),
        blank=True,
        help_text=_("Basic HTML: paragraphs, lists and links."),
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
    is_published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(_("added"), default=timezone.now)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["ends_at", "starts_at"], name="knowledge_event_dates")]
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
            self.registration_enabled and self.is_published and now < self.registration_closes_at()
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
