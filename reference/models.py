"""The vocabulary all three apps share: countries, counties, organisations and themes.

Partnerships, hosted study visits, publications and events all point at these
rows, which is what lets an organisation's, a country's or a theme's page
gather everything ICLD does with it.
"""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.i18n import TranslatedField, active_language
from core.search import search_vector_field


class CountryQuerySet(models.QuerySet):
    def partners(self):
        """Countries ICLD works with, past or present (Sweden is not one)."""
        return self.exclude(code=Country.SWEDEN)

    def current_partners(self):
        return self.partners().filter(is_current_partner=True)

    def order_by_name(self):
        return self.order_by(f"name_{active_language()}")


class Country(models.Model):
    SWEDEN = "SE"

    class Continent(models.TextChoices):
        EUROPE = "europe", _("Europe")
        AFRICA = "africa", _("Africa")
        ASIA = "asia", _("Asia")
        LATIN_AMERICA = "latin_america", _("Latin America")

    class Cluster(models.TextChoices):
        # ICLD's own names for its regions, stored as they come in the reference data.
        ASIA = "Asia", _("Asia")
        EAST_AFRICA = "East Africa", _("East Africa")
        EUROPE = "Europe", _("Europe")
        LATIN_AMERICA = "Latin America", _("Latin America")
        SOUTHERN_AFRICA = "Southern Africa", _("Southern Africa")

    code = models.CharField(_("ISO code"), max_length=2, primary_key=True)
    slug = models.SlugField(_("slug"), unique=True)
    name = TranslatedField(models.CharField, _("name"), max_length=100, required=("sv", "en"))
    continent = models.CharField(_("continent"), max_length=20, choices=Continent.choices)
    cluster = models.CharField(
        _("ICLD cluster"),
        max_length=40,
        blank=True,
        choices=Cluster.choices,
        help_text=_("The region ICLD groups the country in today, if any."),
    )
    is_current_partner = models.BooleanField(
        _("current partner country"),
        default=False,
        help_text=_("In ICLD's current list of countries for new partnerships."),
    )

    objects = CountryQuerySet.as_manager()

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name_sv"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("portal:country", kwargs={"slug": self.slug})


class County(models.Model):
    """A Swedish län; its region (the county council) is an Organisation."""

    code = models.CharField(_("county code"), max_length=2, primary_key=True)
    name = TranslatedField(models.CharField, _("name"), max_length=100, required=("sv", "en"))

    class Meta:
        verbose_name = _("county")
        verbose_name_plural = _("counties")
        ordering = ["name_sv"]

    def __str__(self) -> str:
        return self.name


class OrganisationQuerySet(models.QuerySet):
    def swedish(self):
        return self.filter(kind__in=Organisation.SWEDISH_KINDS)

    def foreign(self):
        return self.exclude(kind__in=Organisation.SWEDISH_KINDS)


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Swedish municipality")
        REGION = "region", _("Swedish region")
        FEDERATION = "federation", _("Swedish municipal federation")
        LOCAL_GOVERNMENT = "local_government", _("Local government abroad")
        REGIONAL_GOVERNMENT = "regional_government", _("Regional government abroad")
        OTHER = "other", _("Other organisation")

    SWEDISH_KINDS = (Kind.MUNICIPALITY, Kind.REGION, Kind.FEDERATION)

    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    name = TranslatedField(
        models.CharField,
        _("name"),
        max_length=200,
        help_text=_("The name as it is written in running text, e.g. “Vara kommun”."),
    )
    short_name = models.CharField(
        _("short name"),
        max_length=120,
        help_text=_("Used in lists and search, e.g. “Vara”."),
    )
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    code = models.CharField(
        _("official code"),
        max_length=10,
        blank=True,
        help_text=_("SCB municipality or county code for Swedish organisations."),
    )
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="organisations"
    )
    county = models.ForeignKey(
        County,
        verbose_name=_("county"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
    )
    website = models.URLField(_("website"), blank=True)

    # For the site search (core.search): the names, accents ignored, never stop words.
    search_vector = search_vector_field(a=["name"], names=["short_name"])

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["short_name"]
        indexes = [
            models.Index(Lower("short_name"), name="organisation_short_name_lower"),
            GinIndex(fields=["search_vector"], name="organisation_search_gin"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "code"],
                condition=~models.Q(code=""),
                name="organisation_unique_code",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("portal:organisation", kwargs={"slug": self.slug})

    @property
    def is_swedish(self) -> bool:
        return self.kind in self.SWEDISH_KINDS


class Theme(models.Model):
    """A topic ICLD works on; staff edit the list in admin."""

    slug = models.SlugField(_("slug"), unique=True)
    name = TranslatedField(models.CharField, _("name"), max_length=120)
    description = TranslatedField(models.TextField, _("description"), blank=True, required=())
    ordering = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["ordering", "name_sv"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("portal:theme", kwargs={"slug": self.slug})
