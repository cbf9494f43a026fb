"""Programmes, their intakes and the phases of each intake.

A programme's status ("open until", "opens on", "closed") is computed from its intakes'
application dates on the calendar day in Sweden (``today()``), never stored.
"""

from __future__ import annotations

from datetime import date

from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.i18n import TranslatedField
from core.models import HasLeadImage
from core.publishing import Publishable, PublishableQuerySet, published_field
from core.richtext import RICH_TEXT_HELP, RichTextField
from core.search import search_vector_field
from reference.models import Country, Theme

# Path segments under the programme list that a programme slug must not take.
RESERVED_SLUGS = frozenset(
    {
        "host-a-study-visit",
        "sta-vard-for-studiebesok",
        "our-hosts",
        "vara-vardar",
        "offer",
        "erbjudande",
        "thanks",
        "tack",
    }
)


def today() -> date:
    """Today's date in Sweden (settings.TIME_ZONE), the calendar every deadline is written in."""
    return timezone.localdate()


class WorkingLanguage(models.TextChoices):
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    SPANISH = "es", _("Spanish")
    PORTUGUESE = "pt", _("Portuguese")
    RUSSIAN = "ru", _("Russian")
    ARABIC = "ar", _("Arabic")


class ProgrammeQuerySet(PublishableQuerySet):
    def with_open_intake(self, on: date | None = None):
        """Annotate ``is_open``: an intake of the programme takes applications on ``on``."""
        on = on or today()
        open_intakes = Intake.objects.filter(programme=OuterRef("pk")).open_on(on)
        return self.annotate(is_open=Exists(open_intakes))

    def open_for_applications(self, on: date | None = None):
        return self.with_open_intake(on).filter(is_open=True)


class Programme(Publishable, HasLeadImage):
    class Format(models.TextChoices):
        STAND_ALONE = "stand_alone", _("Open call: apply as a person or as a team")
        NETWORK = "network", _("Tailor-made for the partnerships in a network")

    # Staff publish programmes as they save them (partnerships and stories start as drafts).
    is_published = published_field(default=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = TranslatedField(models.CharField, _("title"), max_length=200)
    summary = TranslatedField(
        models.TextField,
        _("summary"),
        max_length=400,
        help_text=_("One or two sentences for the programme list."),
    )
    aim = TranslatedField(RichTextField, _("aim"), help_text=RICH_TEXT_HELP)
    target_group = TranslatedField(RichTextField, _("target group"), help_text=RICH_TEXT_HELP)
    format = models.CharField(
        _("format"), max_length=20, choices=Format.choices, default=Format.STAND_ALONE
    )
    format_description = TranslatedField(
        RichTextField,
        _("format and phases"),
        blank=True,
        required=(),
        help_text=_("How the programme runs; the dates of each phase are given per intake."),
    )
    duration_months = models.PositiveSmallIntegerField(_("length in months"), default=12)
    working_language = models.CharField(
        _("working language"),
        max_length=5,
        choices=WorkingLanguage.choices,
        default=WorkingLanguage.ENGLISH,
    )
    cost = TranslatedField(
        models.TextField,
        _("cost"),
        blank=True,
        required=(),
        help_text=_(
            "Leave empty for the standard wording: free for participants, ICLD pays "
            "travel, board and lodging."
        ),
    )
    how_to_apply = TranslatedField(RichTextField, _("how to apply"), help_text=RICH_TEXT_HELP)
    # The application information of this programme (each has its own call, form and contact).
    application_period = TranslatedField(
        models.CharField,
        _("application period"),
        max_length=300,
        blank=True,
        required=(),
        help_text=_(
            "When calls usually open and close, for example “Once a year, from mid-August to "
            "mid-October”. The dates of each intake are shown next to it."
        ),
    )
    who_may_apply = TranslatedField(
        RichTextField,
        _("who may apply"),
        blank=True,
        required=(),
        help_text=RICH_TEXT_HELP,
    )
    application_url = TranslatedField(
        models.URLField,
        _("application form address"),
        blank=True,
        required=(),
        help_text=_(
            "The page or form where this programme's applications are made. Leave one language "
            "empty to use the other one's."
        ),
    )
    partners = TranslatedField(
        models.CharField,
        _("organised with"),
        max_length=300,
        blank=True,
        required=(),
    )
    contact_name = models.CharField(
        _("contact person"),
        max_length=120,
        blank=True,
        help_text=_("The named person applicants can ask about this programme."),
    )
    contact_email = models.EmailField(_("contact email"))
    eligible_countries = models.ManyToManyField(
        Country,
        verbose_name=_("eligible countries"),
        related_name="programmes",
        blank=True,
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), related_name="programmes", blank=True
    )
    meta_description = TranslatedField(
        models.CharField,
        _("search engine description"),
        max_length=300,
        fallback=False,
        required=(),
    )
    ordering = models.PositiveSmallIntegerField(_("order"), default=0)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = ProgrammeQuerySet.as_manager()

    search_vector = search_vector_field(
        a=["title"], b=["summary"], c=["aim", "target_group", "format_description"]
    )

    class Meta:
        verbose_name = pgettext_lazy("training programme", "programme")
        verbose_name_plural = pgettext_lazy("training programme", "programmes")
        ordering = ["ordering", "title_sv"]
        indexes = [GinIndex(fields=["search_vector"], name="programme_search_gin")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programmes:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is used by another page.")})

    def current_intake(self, on: date | None = None) -> Intake | None:
        """The intake a visitor cares about: open now, else opening next, else the latest.

        Works on prefetched ``intakes`` (no query when they are prefetched).
        """
        return intake_that_matters(list(self.intakes.all()), on or today())


def intake_that_matters(intakes: list[Intake], on: date) -> Intake | None:
    """Of a programme's ``intakes``: open on ``on``, else opening next, else the latest."""
    status = Intake.ApplicationStatus
    open_now = [i for i in intakes if i.application_status(on) == status.OPEN]
    if open_now:
        return min(open_now, key=lambda i: i.application_closes_on)
    upcoming = [i for i in intakes if i.application_status(on) == status.UPCOMING]
    if upcoming:
        return min(upcoming, key=lambda i: i.application_opens_on)
    return max(intakes, key=lambda i: i.starts_on, default=None)


class IntakeQuerySet(models.QuerySet):
    def open_on(self, on: date):
        return self.filter(application_opens_on__lte=on, application_closes_on__gte=on)


class Intake(models.Model):
    """One cohort of a programme, with its application period and its phases."""

    class ApplicationStatus(models.TextChoices):
        OPEN = "open", _("Open for applications")
        UPCOMING = "upcoming", _("Opens later")
        CLOSED = "closed", _("Closed")

    programme = models.ForeignKey(
        Programme,
        verbose_name=pgettext_lazy("training programme", "programme"),
        on_delete=models.CASCADE,
        related_name="intakes",
    )
    name = TranslatedField(
        models.CharField,
        _("name"),
        max_length=120,
        help_text=_("For example “Cohort 12, 2027”."),
    )
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    participants = models.PositiveSmallIntegerField(
        _("number of participants"),
        default=25,
    )
    application_opens_on = models.DateField(_("applications open"))
    application_closes_on = models.DateField(
        _("application deadline"),
        help_text=_("The last day applications are accepted."),
    )

    objects = IntakeQuerySet.as_manager()

    class Meta:
        verbose_name = _("intake")
        verbose_name_plural = _("intakes")
        ordering = ["programme", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="intake_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(application_closes_on__gte=models.F("application_opens_on")),
                name="intake_application_closes_after_opening",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.programme} – {self.name}"

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The intake cannot end before it starts.")
        if (
            self.application_opens_on
            and self.application_closes_on
            and self.application_closes_on < self.application_opens_on
        ):
            errors["application_closes_on"] = _("The deadline cannot be before applications open.")
        if errors:
            raise ValidationError(errors)

    def application_status(self, on: date | None = None) -> str:
        on = on or today()
        if on < self.application_opens_on:
            return self.ApplicationStatus.UPCOMING
        if on > self.application_closes_on:
            return self.ApplicationStatus.CLOSED
        return self.ApplicationStatus.OPEN

    @property
    def sweden_phase(self) -> Phase | None:
        """The phase in Sweden, when groups visit hosts (uses prefetched ``phases``)."""
        return next((p for p in self.phases.all() if p.kind == Phase.Kind.SWEDEN), None)


class Phase(models.Model):
    class Kind(models.TextChoices):
        PREPARATION = "preparation", _("Preparation at home")
        INCEPTION = "inception", _("Inception workshop")
        HOME_BASED = "home_based", _("Work on the change project at home")
        SWEDEN = "sweden", _("Phase in Sweden")
        REGIONAL = "regional", _("Regional phase")
        FINAL = "final", _("Final workshop")

    intake = models.ForeignKey(
        Intake, verbose_name=_("intake"), on_delete=models.CASCADE, related_name="phases"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = TranslatedField(
        models.CharField,
        _("title"),
        max_length=150,
        blank=True,
        required=(),
        help_text=_("Leave empty to use the kind as title."),
    )
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    place = TranslatedField(
        models.CharField,
        _("place"),
        max_length=150,
        blank=True,
        required=(),
        help_text=_("For example “Visby and host municipalities”."),
    )
    description = TranslatedField(models.TextField, _("description"), blank=True, required=())

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["intake", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="phase_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self):
        return self.title or self.get_kind_display()

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A phase cannot end before it starts.")})
