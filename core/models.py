from datetime import date, timedelta

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core import images
from core.i18n import LANGUAGE_CODES, LANGUAGE_LABELS, TranslatedField, localize
from core.publishing import Publishable, PublishableQuerySet, published_field
from core.richtext import RICH_TEXT_HELP, RichTextField
from core.search import search_vector_field


class TimeStamped(models.Model):
    """When a row was created and last changed, kept by Django on every save."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        abstract = True


class OutboxMessageQuerySet(models.QuerySet):
    def due(self):
        return self.filter(
            status=OutboxMessage.Status.PENDING, next_attempt_at__lte=timezone.now()
        ).order_by("next_attempt_at", "pk")


class OutboxMessage(models.Model):
    """An email waiting to be sent, written in the same transaction as the data it confirms.

    A submission and its emails commit or roll back together, so a confirmation
    is never sent for data that was not saved, and a mail server outage never
    loses a submission: the message waits here until the worker delivers it.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Gave up")

    to = ArrayField(models.EmailField(), verbose_name=_("recipients"))
    subject = models.CharField(_("subject"), max_length=250)
    body_text = models.TextField(_("plain text"))
    body_html = models.TextField(_("HTML"), blank=True)
    language = models.CharField(_("language"), max_length=5)
    headers = models.JSONField(_("extra headers"), default=dict, blank=True)
    reply_to = models.EmailField(_("reply to"), blank=True)
    # A stable Message-ID: if a crash ever makes the worker send a message twice,
    # mail clients see the same message and show it once.
    message_id = models.CharField(_("Message-ID"), max_length=200, unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # The address, lower-cased, when the message is a public form's receipt to an address
    # nobody has confirmed: receipts per address and day are capped (core.outbox).
    receipt_for = models.EmailField(_("receipt for"), blank=True, editable=False)

    objects = OutboxMessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(status="pending"),
                name="outbox_pending_due",
            ),
            models.Index(
                fields=["receipt_for", "created_at"],
                condition=~models.Q(receipt_for=""),
                name="outbox_receipts_per_address",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.to)}"


class Image(TimeStamped):
    """A picture in the image library: a lead image of any content, or one inside rich text.

    The file is checked by its content and stored under a random name; pages show resized
    renditions of it (core.images).
    """

    key = models.UUIDField(default=images.new_key, unique=True, editable=False)
    file = models.FileField(
        _("image file"),
        upload_to=images.image_upload_to,
        max_length=200,
        validators=[images.validate_image_file],
        help_text=_("JPEG, PNG or WebP, at most 15 MB and 40 million pixels."),
    )
    width = models.PositiveIntegerField(_("width"), default=0, editable=False)
    height = models.PositiveIntegerField(_("height"), default=0, editable=False)
    is_decorative = models.BooleanField(
        _("decorative"),
        default=False,
        help_text=_(
            "Only for an image that adds nothing to the text: screen readers skip it and it "
            "needs no alternative text."
        ),
    )
    alt = TranslatedField(
        models.CharField,
        _("alternative text"),
        max_length=250,
        required=(),
        help_text=_(
            "What the image shows, for people who cannot see it, in the language of the "
            "content it is used in. Required unless the image is decorative."
        ),
    )
    caption = TranslatedField(
        models.CharField, _("caption"), max_length=300, blank=True, required=()
    )
    credit = models.CharField(
        _("credit"), max_length=200, blank=True, help_text=_("Photographer or source.")
    )

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return str(
            self.alt_sv
            or self.alt_en
            or self.caption_sv
            or _("Image %(number)s") % {"number": self.pk}
        )

    def clean(self) -> None:
        if not self.is_decorative and not (self.alt_sv.strip() or self.alt_en.strip()):
            raise ValidationError(
                {
                    "alt_sv": _(
                        "Describe the image for people who cannot see it, or mark it as decorative."
                    )
                }
            )

    def missing_alt_languages(self, languages) -> list[str]:
        """The languages of ``languages`` in which this image has no alternative text."""
        if self.is_decorative:
            return []
        return [code for code in languages if not getattr(self, f"alt_{code}", "").strip()]


class HasLeadImage(models.Model):
    """Content with a lead image from the image library (shown at the top, and to social media
    as its OpenGraph image). Its alternative text must exist in each language the content has
    a title in, unless it is decorative."""

    lead_image = models.ForeignKey(
        Image,
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="%(app_label)s_%(class)s_lead",
        help_text=_("Choose from the image library, or add a new image with +."),
    )

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        if self.lead_image_id is None:
            return
        languages = [
            code for code in LANGUAGE_CODES if (getattr(self, f"title_{code}", "") or "").strip()
        ]
        missing = self.lead_image.missing_alt_languages(languages)
        if missing:
            raise ValidationError(
                {
                    "lead_image": _(
                        "The image has no alternative text in %(languages)s, a language this "
                        "content is written in. Add it to the image, or mark the image as "
                        "decorative."
                    )
                    % {
                        "languages": ", ".join(
                            str(LANGUAGE_LABELS[code]).lower() for code in missing
                        )
                    }
                }
            )


class Page(Publishable, HasLeadImage):
    """A content page staff write in admin: about ICLD, contact, the privacy notice (each with
    its fixed address, ``key``), and any page staff add, placed under a section (``parent``)
    in the order they choose (``position``), at ``/pages/<section>/<page>/``.

    The accessibility statement has required parts of its own: see AccessibilityStatement.
    """

    class Key(models.TextChoices):
        ABOUT = "about", _("About ICLD")
        CONTACT = "contact", _("Contact")
        PRIVACY = "privacy", _("Privacy notice")

    # Texts with legal weight never fall back to the other language (core.i18n).
    LEGAL_KEYS = (Key.PRIVACY,)

    key = models.CharField(
        _("fixed page"),
        max_length=30,
        choices=Key.choices,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Only for the pages the site links to by name. Leave empty for a new page."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        help_text=_("The page's address: lower case letters, digits and hyphens."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("The page this one is placed under; empty for a page of its own."),
    )
    position = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first within a section.")
    )
    is_published = published_field(default=True)
    title = TranslatedField(models.CharField, _("title"), max_length=200)
    lead = TranslatedField(models.TextField, _("lead"), blank=True, required=())
    body = TranslatedField(
        RichTextField, _("body"), required=(), blank=True, help_text=RICH_TEXT_HELP
    )
    meta_description = TranslatedField(
        models.CharField,
        _("search engine description"),
        max_length=300,
        fallback=False,
        required=(),
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    # Stored and indexed like every other kind's: computed for each page at every site search,
    # a body of a few thousand characters cost a millisecond or more per page.
    search_vector = search_vector_field(a=["title"], b=["lead"], c=["body"])

    objects = PublishableQuerySet.as_manager()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["position", "title_sv"]
        indexes = [GinIndex(fields=["search_vector"], name="page_search_gin")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        if self.key:
            return reverse(f"core:{self.key}")
        return reverse("core:page", kwargs={"path": self.path()})

    def clean(self) -> None:
        super().clean()
        if not self.key and not self.slug:
            raise ValidationError({"slug": _("A new page needs an address.")})
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None:
                raise ValidationError({"parent": _("A page cannot be placed under itself.")})
            ancestor = ancestor.parent

    def path(self) -> str:
        """``section/page``: the slugs from the top section down to this page."""
        slugs, page = [], self
        while page is not None:
            slugs.append(page.slug or page.key or "")
            page = page.parent
        return "/".join(reversed(slugs))

    @property
    def is_legal(self) -> bool:
        return self.key in self.LEGAL_KEYS

    def localized_body(self):
        """The body in the active language; legal pages never borrow the other language."""
        return localize(self, "body", fallback=not self.is_legal)


class AccessibilityStatement(models.Model):
    """The tillgänglighetsredogörelse, with the parts Digg's model statement requires.

    One row; staff update it in admin after each review. Its texts have legal
    weight, so none of them falls back to the other language.
    """

    class Conformance(models.TextChoices):
        FULL = "full", _("Fully compliant with WCAG 2.1 AA")
        PARTIAL = "partial", _("Partially compliant with WCAG 2.1 AA")
        NONE = "none", _("Not compliant with WCAG 2.1 AA")

    conformance = models.CharField(
        _("conformance status"),
        max_length=10,
        choices=Conformance.choices,
        default=Conformance.PARTIAL,
    )
    introduction = TranslatedField(RichTextField, _("introduction"), fallback=False, required=())
    known_shortcomings = TranslatedField(
        RichTextField,
        _("known shortcomings"),
        fallback=False,
        required=(),
        blank=True,
        help_text=_("Content that is not accessible, one item per list entry."),
    )
    disproportionate_burden = TranslatedField(
        RichTextField,
        _("disproportionate burden"),
        fallback=False,
        required=(),
        blank=True,
    )
    outside_scope = TranslatedField(
        RichTextField,
        _("content outside the scope of the law"),
        fallback=False,
        required=(),
        blank=True,
    )
    how_we_tested = TranslatedField(RichTextField, _("how we tested"), fallback=False, required=())
    last_reviewed = models.DateField(_("date of the last review"))
    statement_updated = models.DateField(_("date the statement was last updated"))
    contact_email = models.EmailField(_("contact for accessibility problems"))
    response_days = models.PositiveSmallIntegerField(
        _("we answer within (working days)"), default=5
    )
    supervisory_authority_url = models.URLField(
        _("supervisory authority's complaint page"), default="https://www.digg.se/tdosanmalan"
    )

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statement")

    def __str__(self) -> str:
        return str(_("Accessibility statement"))

    def get_absolute_url(self) -> str:
        return reverse("core:accessibility")


def add_working_days(day: date, count: int) -> date:
    """The day ``count`` working days (Monday to Friday) after ``day``; public holidays are not
    known, so they count as working days."""
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


class AccessibilityReport(TimeStamped):
    """A reported barrier or a request for an accessible version, tracked until answered."""

    class Kind(models.TextChoices):
        BARRIER = "barrier", _("Report an accessibility problem")
        ACCESSIBLE_VERSION = "accessible_version", _("Ask for an accessible version")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("In progress")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", pgettext_lazy("report status", "Closed")

    class Team(models.TextChoices):
        # The keys of settings.ICLD_TEAM_EMAILS, which holds each team's address.
        PARTNERSHIPS = "partnerships", _("Partnership team")
        PROGRAMMES = "programmes", _("Programme team")
        KNOWLEDGE = "knowledge", _("Knowledge team")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    page_url = models.CharField(_("page or document"), max_length=500, blank=True)
    # The team that owns the document asked about: it gets the notice and makes the version.
    team = models.CharField(_("team"), max_length=20, choices=Team.choices, blank=True)
    description = models.TextField(_("description"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("email"))
    language = models.CharField(_("language"), max_length=5)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    internal_note = models.TextField(_("internal note"), blank=True)
    reply = models.TextField(
        _("reply to the sender"),
        blank=True,
        help_text=_("Saving a reply emails it to the sender once and marks the report answered."),
    )
    replied_at = models.DateTimeField(_("replied"), null=True, blank=True)
    submission_token = models.UUIDField(unique=True)
    # Empty until the outbox worker has queued the receipt and the staff notice: a report is
    # saved with one INSERT and is its own entry in the outbox (core.services).
    emails_queued_at = models.DateTimeField(_("emails queued"), null=True, blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        verbose_name = _("accessibility report")
        verbose_name_plural = _("accessibility reports")
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["id"],
                condition=models.Q(emails_queued_at__isnull=True),
                name="a11y_report_emails_waiting",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.page_url or self.description[:60]}"

    # Reports still waiting for an answer; the others have met their due date or are closed.
    OPEN_STATUSES = (Status.NEW, Status.IN_PROGRESS)

    def answer_by(self, response_days: int) -> date:
        """The day the sender was promised an answer by: the accessibility statement's
        ``response_days`` working days after the report arrived (Swedish time)."""
        return add_working_days(timezone.localdate(self.created_at), response_days)


class SecurityCounter(models.Model):
    """A counter that protects the site (rate limits), kept apart from every cache.

    Caches may evict what they hold when they fill up, and public pages fill them: a counter
    kept there could be wiped by anyone requesting enough distinct addresses. Rows here go only
    when they have expired. ``key`` holds a scope and a hash, never an address in clear text.
    """

    key = models.CharField(max_length=120, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("security counter")
        verbose_name_plural = _("security counters")

    def __str__(self):
        return self.key


class FacetCount(models.Model):
    """One facet value's count over a whole published list, written only by the database
    (``core.facets``): the list reads these instead of counting every row."""

    listing = models.CharField(max_length=40)
    # "" for the whole list; else the one filter value the counts are of ("theme 3"): the
    # list with that value alone chosen. A database default: the counting functions of
    # lists that keep no such counts insert without it.
    given = models.CharField(max_length=60, blank=True, db_default="")
    facet = models.CharField(max_length=40)
    value = models.TextField()
    label_sv = models.TextField(blank=True, default="")
    label_en = models.TextField(blank=True, default="")
    n = models.IntegerField()

    class Meta:
        db_table = "core_facet_count"
        verbose_name = _("facet count")
        verbose_name_plural = _("facet counts")
        indexes = [
            models.Index(fields=["listing", "given", "facet"], name="facet_count_listing_given")
        ]

    def __str__(self):
        given = f" ({self.given})" if self.given else ""
        return f"{self.listing}{given} {self.facet} {self.value}: {self.n}"
