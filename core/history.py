"""One shape for the change history the apps keep: when, by whom, what happened, and each
field's old and new value.

A record is stored without words of any language (an event key, field names and raw values:
choice keys, true/false, lists) and put into words when shown, so the history reads in the
language of whoever opens it, not of whoever made the change.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.template.defaultfilters import yesno
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


def event_field(choices=None) -> models.CharField:
    """The key of what happened; each concrete record declares it with its own events."""
    return models.CharField(_("what happened"), max_length=30, choices=choices)


class ChangeRecord(models.Model):
    at = models.DateTimeField(_("when"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    event = event_field()
    changes = models.JSONField(
        _("changes"), default=dict, blank=True, help_text=_("Field: [old value, new value].")
    )

    # Labels for keys in ``changes`` that are not fields of the changed model.
    extra_labels: ClassVar[dict[str, Promise]] = {}

    class Meta:
        abstract = True
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return str(self.get_event_display())

    def changed_model(self) -> type[models.Model]:
        """The model whose fields ``changes`` names."""
        raise NotImplementedError

    def change_rows(self) -> list[tuple[str, str, str]]:
        """(field, old value, new value) for each change, in the active language."""
        model = self.changed_model()
        rows = []
        for name, (old, new) in self.changes.items():
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                field = None
            label = field.verbose_name if field is not None else self.extra_labels.get(name, name)
            rows.append((str(label), _spoken(field, old), _spoken(field, new)))
        return rows


def _spoken(field, value) -> str:
    """A stored value as the reader says it: a choice's label, yes or no, or the text."""
    if value is None or value in ("", []):
        return "–"
    if isinstance(value, bool):
        return yesno(value)
    choices = getattr(field, "flatchoices", None) or []
    if not choices and isinstance(getattr(field, "base_field", None), models.Field):
        choices = field.base_field.flatchoices  # a list of choices (ArrayField)
    labels = {str(key): label for key, label in choices}
    if isinstance(value, list):
        return ", ".join(str(labels.get(str(item), item)) for item in value)
    return str(labels.get(str(value), value))
