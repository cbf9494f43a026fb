"""Research calls and the documents that go with them."""

from __future__ import annotations

import uuid
from datetime import datetime

from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.i18n import TranslatedField
from core.publishing import Publishable, PublishableQuerySet, published_field
from core.richtext import RICH_TEXT_HELP, RichTextField
from core.search import search_vector_field
from knowledge import validators


def upload_call_document(instance, filename: str) -> str:
    return f"knowledge/calls/{uuid.uuid4().hex}.pdf"


class ResearchCallQuerySet(PublishableQuerySet):
    def open(self, now: datetime | None = None):
        now = now or timezone.now()
        return self.published().filter(opens_at__lte=now, closes_at__gt=now)


class ResearchCall(Publishable):
    class Status(models.TextChoices):
        UPCOMING = "upcoming", _("Opens soon")
        OPEN = "open", _("Open")
        CLOSED = "closed", pgettext_lazy("research call", "Closed")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    # Staff publish these as they save them (partnerships and stories start as drafts).
    is_published = published_field(default=True)
    title = TranslatedField(models.CharField, _("title"), max_length=250)
    summary = TranslatedField(models.TextField, _("summary"), required=(), blank=True)
    description = TranslatedField(RichTextField, _("description"), help_text=RICH_TEXT_HELP)
    eligibility = TranslatedField(
        RichTextField, _("who may apply"), required=(), blank=True, help_text=RICH_TEXT_HELP
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
    created_at = models.DateTimeField(_("added"), default=timezone.now)

    objects = ResearchCallQuerySet.as_manager()

    search_vector = search_vector_field(
        a=["title"], b=["summary"], c=["description", "eligibility"]
    )

    class Meta:
        verbose_name = _("research call")
        verbose_name_plural = _("research calls")
        ordering = ["-closes_at"]
        indexes = [GinIndex(fields=["search_vector"], name="knowledge_call_search")]
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
