"""Local governments abroad looking for a Swedish partner, recorded by ICLD staff."""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import Case, F, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.i18n import TranslatedField
from core.models import TimeStamped
from core.search import SIMPLE, search_vector_expression
from reference.models import Country, Organisation, Theme

# The slug of a seeker that did not agree to show its name: random, 12 hexadecimal digits
# (partnerships.services.seeker).
OPAQUE_SLUG_PATTERN = r"^[0-9a-f]{12}$"
SEARCH_COPIES = ("search_country", "search_organisation")


def search_country(country: Country) -> str:
    """The country as a seeker's search reads it: its name in both languages."""
    return f"{country.name_sv} {country.name_en}"


def search_organisation(organisation: Organisation) -> str:
    """The organisation as a seeker's search reads it (counted only with the seeker's consent)."""
    return organisation.short_name


class PartnerSeekerQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=PartnerSeeker.Status.OPEN)

    def public(self):
        """Open seekers that agreed to be listed on the website."""
        return self.open().filter(consent_listing=True)


class PartnerSeeker(TimeStamped):
    class Status(models.TextChoices):
        OPEN = "open", _("Looking for a partner")
        MATCHED = "matched", _("Matched")
        WITHDRAWN = "withdrawn", _("No longer looking")

    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="partner_searches",
        help_text=_("The local or regional government abroad."),
    )
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="partner_seekers"
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), related_name="partner_seekers", blank=True
    )
    description = TranslatedField(
        models.TextField,
        _("what they want to work on"),
        help_text=_("Shown publicly if the seeker agreed to be listed."),
    )
    seeking_since = models.DateField(_("looking since"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    consent_listing = models.BooleanField(
        _("agreed to be listed publicly"),
        default=False,
        help_text=_("Only seekers who agreed are shown on the website."),
    )
    consent_show_name = models.BooleanField(
        _("agreed to show the organisation's name"),
        default=False,
        help_text=_("Otherwise the list says “a local government in <country>”."),
    )
    consent_contact = models.BooleanField(
        _("agreed to be contacted"),
        default=False,
        help_text=_(
            "ICLD may pass on a Swedish organisation's interest. Contact always goes "
            "through ICLD; the contact person is never shown."
        ),
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    internal_notes = models.TextField(_("internal notes"), blank=True)
    # The names search reads, copied from the country and the organisation at every save (a
    # generated column cannot join): the organisation's name counts only while the seeker
    # agrees to show it, decided in the column below, whatever wrote the consent.
    search_country = models.TextField(editable=False, blank=True, default="")
    search_organisation = models.TextField(editable=False, blank=True, default="")
    search_vector = models.GeneratedField(
        expression=search_vector_expression(c=["description"])
        + SearchVector("search_country", config=SIMPLE, weight="A")
        + SearchVector(
            Case(
                When(consent_show_name=True, then=F("search_organisation")),
                default=Value(""),
                output_field=models.TextField(),
            ),
            config=SIMPLE,
            weight="A",
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = PartnerSeekerQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner seeker")
        verbose_name_plural = _("partner seekers")
        ordering = ["seeking_since", "pk"]
        indexes = [
            models.Index(fields=["status", "consent_listing"], name="seeker_public"),
            GinIndex(fields=["search_vector"], name="seeker_search_gin"),
        ]
        constraints = [
            # A public address must not name a seeker that did not agree to show its name.
            models.CheckConstraint(
                condition=models.Q(consent_show_name=True)
                | models.Q(slug__regex=OPAQUE_SLUG_PATTERN),
                name="seeker_slug_opaque",
                violation_error_message=_(
                    "A partner seeker that has not agreed to show its name gets a random slug."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.country})"

    def save(self, *args, **kwargs):
        self.search_country = search_country(self.country)
        self.search_organisation = search_organisation(self.organisation)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *SEARCH_COPIES}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("partnerships:seeker_list") + f"#seeker-{self.slug}"

    def public_name(self) -> str:
        if self.consent_show_name:
            return str(self.organisation)
        return str(_("A local government in %(country)s") % {"country": self.country})

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.OPEN and self.consent_listing
