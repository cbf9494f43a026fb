"""The history of changes to offers and visits."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.history import ChangeRecord, event_field
from programmes.models.hosting import HostingOffer
from programmes.models.visit import ScheduledVisit


class HistoryEntry(ChangeRecord):
    """What changed on an offer or a visit, when and by whom (old and new values)."""

    class Event(models.TextChoices):
        OFFER_RECEIVED = "offer_received", _("Offer received through the website.")
        STATUS_CHANGED = "status_changed", _("Status changed.")
        CHANGED_IN_ADMIN = "changed_in_admin", _("Changed in admin.")
        VISIT_SCHEDULED = "visit_scheduled", _("Visit scheduled.")
        VISIT_CHANGED = "visit_changed", _("Visit changed.")
        CONFIRMATION_SENT = "confirmation_sent", _("Confirmation emailed to the host.")

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
    event = event_field(Event.choices)

    class Meta(ChangeRecord.Meta):
        verbose_name = _("history entry")
        verbose_name_plural = _("history")
        constraints = [
            models.CheckConstraint(
                condition=Q(offer__isnull=False) | Q(visit__isnull=False),
                name="history_entry_has_subject",
            ),
        ]

    def changed_model(self) -> type[models.Model]:
        return ScheduledVisit if self.visit_id else HostingOffer
