"""A municipal partnership: Swedish organisations and organisations in one partner country,
its images, and the ICLD networks partnerships can belong to."""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.i18n import TranslatedField
from core.models import HasLeadImage, Image, TimeStamped
from core.publishing import Publishable, PublishableQuerySet
from core.richtext import RICH_TEXT_HELP, RichTextField
from core.search import search_vector_field
from reference.models import Country, Organisation, Theme

FIRST_YEAR = 1995
LAST_YEAR = 2100


class Network(models.Model):
    """An ICLD thematic network: partnerships on one theme that start and run together."""

    slug = models.SlugField(_("slug"), unique=True)
    name = TranslatedField(models.CharField, _("name"), max_length=200)
    description = TranslatedField(models.TextField, _("description"), blank=True, required=())
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("end year"), null=True, blank=True)

    class Meta:
        verbose_name = _("ICLD network")
        verbose_name_plural = _("ICLD networks")
        ordering = ["name_sv"]

    def __str__(self) -> str:
        return self.name


class PartnershipQuerySet(PublishableQuerySet):
    def active(self):
        return self.filter(status=Partnership.Status.ACTIVE)

    def active_in_year(self, year: int):
        return self.filter(
            Q(start_year__lte=year), Q(end_year__isnull=True) | Q(end_year__gte=year)
        )


class Partnership(Publishable, HasLeadImage, TimeStamped):
    class Phase(models.TextChoices):
        INCEPTION = "inception", _("Inception (pre-study)")
        PROJECT = "project", _("Project")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")

    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    title = TranslatedField(models.CharField, _("title"), max_length=200)
    summary = TranslatedField(models.TextField, _("summary"))
    goals = TranslatedField(
        RichTextField, _("goals"), blank=True, required=(), help_text=RICH_TEXT_HELP
    )
    results = TranslatedField(
        RichTextField, _("results"), blank=True, required=(), help_text=RICH_TEXT_HELP
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("partner country"),
        on_delete=models.PROTECT,
        related_name="partnerships",
    )
    swedish_organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("Swedish organisations"),
        related_name="swedish_partnerships",
        help_text=_("Municipalities, regions or municipal federations."),
    )
    partner_organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("partner organisations"),
        related_name="partner_partnerships",
        help_text=_("Local or regional governments in the partner country."),
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), related_name="partnerships", blank=True
    )
    phase = models.CharField(
        _("phase"), max_length=20, choices=Phase.choices, default=Phase.PROJECT
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    start_year = models.PositiveSmallIntegerField(
        _("start year"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    end_year = models.PositiveSmallIntegerField(
        _("end year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)],
        help_text=_("Leave empty while the partnership goes on."),
    )
    network = models.ForeignKey(
        Network,
        verbose_name=_("ICLD network"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="partnerships",
    )
    reference_number = models.CharField(
        _("ICLD reference number"), max_length=20, blank=True, help_text=_("For example 2016-0032.")
    )
    # The names of the parties, the country and the themes in both languages, kept up to
    # date by services.partnership_refresh_search_names (a generated column cannot join).
    search_names = models.TextField(_("names for search"), blank=True, default="", editable=False)
    # Swedish text with the Swedish stemmer, English with the English one, and the names of
    # places and organisations as typed: "Vara" is a Swedish stop word (core.search).
    search_vector = search_vector_field(
        a=["title"], b=["summary"], c=["goals", "results"], names=["search_names"]
    )

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["-start_year", "title_sv"]
        indexes = [
            GinIndex(fields=["search_vector"], name="partnership_search_gin"),
            # Every public list filters on published, most on the status too.
            models.Index(
                fields=["status"], condition=Q(is_published=True), name="partnership_published"
            ),
            models.Index(fields=["start_year", "end_year"], name="partnership_years"),
            # The list's facets read the published rows' facet columns from this small index
            # (index-only scans) instead of the wide rows.
            models.Index(
                fields=["id"],
                include=["country", "phase", "status", "start_year", "end_year"],
                condition=Q(is_published=True),
                name="partnership_facets",
            ),
            # The few drafts: the unfiltered list's link-table facets leave these out instead
            # of joining every published partnership.
            models.Index(fields=["id"], condition=Q(is_published=False), name="partnership_drafts"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__isnull=True) | Q(end_year__gte=models.F("start_year")),
                name="partnership_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("partnerships:detail", kwargs={"slug": self.slug})

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


class PartnershipImage(models.Model):
    """One of a partnership's pictures beyond its lead image, from the image library (which
    holds its alternative text, caption and credit)."""

    # Shown (core.media) only while the partnership is published.
    images_public_when = "partnership__is_published"

    partnership = models.ForeignKey(
        Partnership, verbose_name=_("partnership"), on_delete=models.CASCADE, related_name="images"
    )
    image = models.ForeignKey(
        Image,
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="partnership_pictures",
        help_text=_("Choose from the image library, or add a new image with +."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return str(self.image)
