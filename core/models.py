from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.i18n import TranslatedField, localize


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
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.to)}"


class Page(models.Model):
    """A content page staff edit in admin: about ICLD, contact, privacy notice, accessibility."""

    class Key(models.TextChoices):
        ABOUT = "about", _("About ICLD")
        CONTACT = "contact", _("Contact")
        PRIVACY = "privacy", _("Privacy notice")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")

    # Texts with legal weight never fall back to the other language (core.i18n).
    LEGAL_KEYS = (Key.PRIVACY, Key.ACCESSIBILITY)

    key = models.CharField(_("page"), max_length=30, choices=Key.choices, unique=True)
    title = TranslatedField(models.CharField, _("title"), max_length=200)
    lead = TranslatedField(models.TextField, _("lead"), blank=True, required=())
    body = TranslatedField(models.TextField, _("body"), required=(), blank=True,
                           help_text=_("Basic HTML: paragraphs, headings, lists and links."))
    meta_description = TranslatedField(
        models.CharField, _("search engine description"), max_length=300, fallback=False,
        required=(),
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_legal(self) -> bool:
        return self.key in self.LEGAL_KEYS

    def localized_body(self):
        """The body in the active language; legal pages never borrow the other language."""
        return localize(self, "body", fallback=not self.is_legal)

    def get_absolute_url(self) -> str:
        return reverse(f"core:{self.key}")
