"""The history of changes to offers and visits."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programmes.models.hosting import HostingOffer
from programmes.models.visit import ScheduledVisit


class HistoryEntry(models.Model):
    """What changed on an offer or a visit, when and by whom (old and new values)."""

    offer = models.ForeignKey(
        HostingOffer,
        verbose_name=_("hosting offer"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="history",
    )
    visit = models.ForeignKey(
        ScheduledVisit,
        verbose_name=_("scheduled visit"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="history",
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    summary = models.CharField(_("what happened"), max_length=300)
    changes = models.JSONField(
        _("changes"), default=dict, blank=True, help_text=_("Field: [old value, new value].")
    )

    class Meta:
        verbose_name = _("history entry")
        verbose_name_plural = _("history")
        ordering = ["-at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(offer__isnull=False) | Q(visit__isnull=False),
                name="history_entry_has_subject",
            ),
        ]

    def __str__(self) -> str:
        return self.summary
