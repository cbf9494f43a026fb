"""The research library: publications, the people who wrote them, and their order as authors."""

from __future__ import annotations

import uuid

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MinValueValidator
from django.db import models
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Lower, NullIf
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.i18n import LANGUAGE_CODES, LocalizedText, TranslatedField, active_language, localize
from core.publishing import Publishable, PublishableQuerySet, published_field
from core.search import search_vector_field
from knowledge import validators
from knowledge.documents import DocumentFileField

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


class PublicationQuerySet(PublishableQuerySet):
    pass


class Publication(Publishable):
    class Type(models.TextChoices):
        RESEARCH_REPORT = "research_report", _("Research report")
        WORKING_PAPER = "working_paper", _("Working paper")
        POLICY_BRIEF = "policy_brief", _("Policy brief")
        ANTHOLOGY = "anthology", _("Anthology")
        CONFERENCE_REPORT = "conference_report", _("Conference report")
        OTHER = "other", pgettext_lazy("publication type", "Other")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    # Staff publish these as they save them (partnerships and stories start as drafts).
    is_published = published_field(default=True)
    type = models.CharField(_("type"), max_length=30, choices=Type.choices)
    title = TranslatedField(models.CharField, _("title"), max_length=300)
    abstract = TranslatedField(models.TextField, _("abstract"), required=(), blank=True)
    document_languages = ArrayField(
        models.CharField(max_length=2, choices=DOCUMENT_LANGUAGES),
        verbose_name=_("languages of the document"),
        default=list,
        help_text=_("The language(s) the document itself is written in."),
    )
    # The document's languages as bits (bit i: DOCUMENT_LANGUAGES[i]), so the library's counts
    # group by a small number, not by an array (several times slower over 50,000 rows). A new
    # language in DOCUMENT_LANGUAGES needs a migration that drops and re-adds this column.
    document_language_bits = models.GeneratedField(
        expression=RawSQL(
            " + ".join(
                f"(('{code}' = ANY(document_languages))::int << {bit})"
                for bit, (code, _label) in enumerate(DOCUMENT_LANGUAGES)
            ),
            [],
        ),
        output_field=models.SmallIntegerField(),
        db_persist=True,
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
    # The themes' and countries' keys, copied from the two link tables by database triggers
    # (migration 0021) whatever writes them: the facets count a search's themes and
    # countries from the covering index instead of joining the link tables row by row.
    theme_ids = ArrayField(models.BigIntegerField(), default=list, editable=False)
    country_ids = ArrayField(models.CharField(max_length=2), default=list, editable=False)
    organisations = models.ManyToManyField(
        "reference.Organisation",
        blank=True,
        related_name="publications",
        verbose_name=_("organisations"),
        help_text=_("Municipalities, regions or partner governments the publication is about."),
    )
    file = DocumentFileField(
        _("PDF file"),
        upload_to=upload_publication_pdf,
        blank=True,
        validators=[FileExtensionValidator(["pdf"]), validators.validate_pdf],
        text_field="file_text",
    )
    doi = models.CharField(
        _("DOI"), max_length=200, blank=True, validators=[validators.validate_doi]
    )
    isbn = models.CharField(
        _("ISBN"), max_length=17, blank=True, validators=[validators.validate_isbn]
    )
    external_url = models.URLField(_("external link"), blank=True)
    # From the image library (core.images), as the lead images of stories: checked by content,
    # shown as resized WebP renditions, its text alternative written there.
    cover = models.ForeignKey(
        "core.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="knowledge_publication_cover",
        help_text=_("Choose from the image library, or add a new image with +."),
    )
    created_at = models.DateTimeField(_("added"), default=timezone.now)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    # The text of the uploaded PDF, page by page (pages separated by a form feed), extracted on
    # upload by services.publication_extract_text; searched, never shown whole.
    file_text = models.TextField(
        _("text of the file"), blank=True, default="", db_default="", editable=False
    )
    # Titles and authors' names weigh most, then the abstracts, then the file's text.
    search_vector = search_vector_field(
        a=["title"], c=["abstract"], names=["author_names"], d_plain=["file_text"]
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
            # A type chosen: its newest first, without walking every newer row of other types.
            models.Index(
                "type",
                models.F("year").desc(),
                models.F("created_at").desc(),
                condition=models.Q(is_published=True),
                name="knowledge_pub_type_newest",
            ),
            # Counts and facets read only this small index (index-only scans), never the
            # wide rows with abstracts and search vectors.
            models.Index(
                fields=["type", "year", "document_language_bits"],
                include=["id", "document_languages", "theme_ids", "country_ids"],
                condition=models.Q(is_published=True),
                name="knowledge_pub_facets",
            ),
            # A theme or country chosen: the rows holding it, from the row's own copies of
            # its links, without joining the link tables.
            GinIndex(
                fields=["theme_ids"],
                condition=models.Q(is_published=True),
                name="knowledge_pub_theme_ids",
            ),
            GinIndex(
                fields=["country_ids"],
                condition=models.Q(is_published=True),
                name="knowledge_pub_country_ids",
            ),
            # The few drafts: the unfiltered library's theme and country counts read the
            # link tables and leave these out, instead of joining 50,000 published rows.
            models.Index(
                fields=["id"], condition=models.Q(is_published=False), name="knowledge_pub_drafts"
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
        if self.cover_id is not None:
            titled = [c for c in LANGUAGE_CODES if (getattr(self, f"title_{c}", "") or "").strip()]
            if self.cover.missing_alt_languages(titled):
                errors["cover"] = _(
                    "Describe the cover image for people who cannot see it, in the image "
                    "library, in each language the publication has a title in."
                )
        if not self.document_languages:
            errors["document_languages"] = _("Choose at least one language.")
        if errors:
            raise ValidationError(errors)

    @property
    def citation_title(self) -> LocalizedText:
        """The title the document itself bears, for citing it: in the visitor's language when
        the document is written in it, else in a language it is written in. An English-only
        report is cited by its English title on /sv/ too, never by a translated title."""
        written = [
            code
            for code in self.document_languages
            if code in LANGUAGE_CODES and getattr(self, f"title_{code}", "")
        ]
        if not written or active_language() in written:
            return self.title
        return localize(self, "title", language=written[0])

    @property
    def document_language_names(self) -> list[str]:
        """The document's languages as names in the visitor's language ("Spanish", never "es")."""
        names = dict(DOCUMENT_LANGUAGES)
        return [str(names.get(code, code)) for code in self.document_languages]

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
