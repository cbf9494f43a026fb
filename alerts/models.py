"""Alerts: a visitor follows a filtered list by email (a subscription) or by feed (no data).

A subscription stores the address, the language and rhythm of its emails, which list it
follows (``kind``, see ``alerts.kinds``) and that list's filter as a normalised query string.
``Delivery`` rows record which item went to which subscription, so no item is sent twice;
``Digest`` rows record the emails sent, one per address and day at most (a unique constraint).
"""

from __future__ import annotations

import secrets
from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alerts import kinds

CONFIRM_WITHIN = timedelta(days=7)


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def pending(self):
        return self.filter(confirmed_at__isnull=True)

    def for_email(self, email: str):
        return self.filter(email=normalize_email(email))


def normalize_email(email: str) -> str:
    return (email or "").strip().lower()


def new_unsubscribe_key() -> str:
    return secrets.token_urlsafe(16)


class Subscription(models.Model):
    class Frequency(models.TextChoices):
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")

    email = models.EmailField(_("email address"), max_length=254, db_index=True)
    language = models.CharField(
        _("language of the emails"), max_length=5, choices=settings.LANGUAGES
    )
    frequency = models.CharField(
        _("how often"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    kind = models.CharField(_("list"), max_length=30, choices=kinds.kind_choices)
    query = models.TextField(
        _("filter"),
        blank=True,
        help_text=_("The list's filter as a query string, as the list page reads it."),
    )
    submission_token = models.UUIDField(_("submission token"), unique=True, editable=False)
    created_at = models.DateTimeField(_("subscribed"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    since = models.DateTimeField(
        _("new since"),
        null=True,
        blank=True,
        help_text=_("Items published after this time are new for this alert."),
    )
    last_digest_at = models.DateTimeField(_("last digest sent"), null=True, blank=True)
    # The same random key on every alert of an address: the short link of the List-Unsubscribe
    # header (a signed link is too long for one header line, and mail software folds a longer
    # one into encoded words that clients do not read as a link).
    unsubscribe_key = models.CharField(
        _("unsubscribe key"),
        max_length=32,
        db_index=True,
        editable=False,
        default=new_unsubscribe_key,
    )

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering = ["email", "kind", "pk"]
        indexes = [
            models.Index(fields=["confirmed_at", "email"], name="alerts_sub_confirmed_email")
        ]

    def __str__(self) -> str:
        return f"{self.email}: {self.kind_label}"

    @property
    def kind_label(self) -> str:
        kind = kinds.get(self.kind)
        return str(kind.label) if kind else self.kind

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    def is_due(self, today: date) -> bool:
        """Daily: not yet sent today. Weekly: nothing sent in the last six days (Swedish dates)."""
        reference = self.last_digest_at or self.confirmed_at
        if reference is None:
            return False
        last = timezone.localdate(reference)
        if self.frequency == self.Frequency.DAILY:
            return last < today
        return last <= today - timedelta(days=7)


class Digest(models.Model):
    """One digest email to one address: at most one per address, language and (Swedish) day
    (each alert keeps its own language, so an address may get one in each)."""

    email = models.EmailField(_("email address"), max_length=254)
    sent_on = models.DateField(_("day"))
    sent_at = models.DateTimeField(_("queued"), default=timezone.now)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    item_count = models.PositiveIntegerField(_("items"), default=0)
    message = models.ForeignKey(
        "core.OutboxMessage",
        verbose_name=_("email"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("digest")
        verbose_name_plural = _("digests")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["email", "language", "sent_on"],
                name="alerts_one_digest_a_day_per_language",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} {self.sent_on}"


class Delivery(models.Model):
    """An item that went to a subscription: never again."""

    subscription = models.ForeignKey(
        Subscription, verbose_name=_("alert"), on_delete=models.CASCADE, related_name="deliveries"
    )
    item_key = models.CharField(_("item"), max_length=80)
    digest = models.ForeignKey(
        Digest,
        verbose_name=_("digest"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deliveries",
    )
    delivered_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("delivered item")
        verbose_name_plural = _("delivered items")
        constraints = [
            models.UniqueConstraint(fields=["subscription", "item_key"], name="alerts_item_once"),
        ]

    def __str__(self) -> str:
        return self.item_key


class ManageLinkRequest(models.Model):
    """Someone asked for the link to manage an address's alerts (saved once per form token)."""

    email = models.EmailField(_("email address"), max_length=254)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    submission_token = models.UUIDField(_("submission token"), unique=True, editable=False)
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)
    sent = models.BooleanField(_("link sent"), default=False)

    class Meta:
        verbose_name = _("request for the manage link")
        verbose_name_plural = _("requests for the manage link")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.email
