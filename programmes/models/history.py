"""The history of changes to offers and visits."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.template.defaultfilters import yesno
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programmes.models.hosting import HostingOffer
from programmes.models.visit import ScheduledVisit


class HistoryEntry(models.Model):
    """What changed on an offer or a visit, when and by whom (old and new values).

    Stored without words of any language (an event key, field names and raw values), so
    the history reads in the language of whoever opens it.
    """

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
    at = models.DateTimeField(_("when"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    event = models.CharField(_("what happened"), max_length=30, choices=Event.choices)
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
        return str(self.get_event_display())

    def change_rows(self) -> list[tuple[str, str, str]]:
        """(field, old value, new value) for each change, in the active language."""
        model = ScheduledVisit if self.visit_id else HostingOffer
        rows = []
        for name, (old, new) in self.changes.items():
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                field = None
            label = str(field.verbose_name) if field is not None else name
            rows.append((label, _history_value(field, old), _history_value(field, new)))
        return rows


def _history_value(field, value) -> str:
    """A stored value as the reader says it: a choice's label, yes or no, or the text."""
    if value is None or value in ("", []):
        return "–"
    if isinstance(value, bool):
        return yesno(value)
    choices = field.flatchoices if field is not None else []
    if not choices and isinstance(getattr(field, "base_field", None), models.Field):
        choices = field.base_field.flatchoices  # a list of choices (ArrayField)
    labels = {str(key): label for key, label in choices}
    if isinstance(value, list):
        return ", ".join(str(labels.get(str(item), item)) for item in value)
    return str(labels.get(str(value), value))
