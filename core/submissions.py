"""Save a public form's submission once, however often it is posted.

Every public form carries a once-only ``submission_token`` (core.forms.PublicFormMixin), kept
in a unique column. A double click, a resent POST or two app servers racing then save one row,
and the later posts get the first one back, with nothing queued twice.

A token names one submission, not a form to fill in again: the same token sent with other
content raises ``SubmissionTokenReused`` instead of handing back the first row, so no visitor
is thanked for something that was never saved. ``core.views_forms.PublicFormView`` shows the
form again, with what was typed and a fresh token.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable

from django.db import IntegrityError, models, transaction


class SubmissionTokenReused(Exception):
    """A submission token that was already saved came back with different content."""


class SavedMeanwhile(Exception):
    """Raised by a ``create`` that finds, once it holds its locks, a row saved with its token
    by a concurrent request; ``save_once`` then treats that row as the earlier submission."""


def save_once[Row: models.Model](
    model: type[Row],
    submission_token: uuid.UUID,
    create: Callable[[], Row],
    *,
    same: Callable[[Row], bool],
) -> Row:
    """The row saved for ``submission_token``, created by ``create()`` if there is none yet.

    ``create`` runs in its own transaction (savepoint) and should queue the submission's emails
    there, so they are written only with the row. Returns whatever ``create`` returns (a
    service may hand back an earlier row instead, e.g. an existing sign-up for the address).
    A row already saved with the token (by an earlier post, or by a concurrent request that
    won the race) is returned when ``same(row)`` says it holds this content, and raises
    ``SubmissionTokenReused`` when not. Any other integrity error is raised.
    """
    existing = model._default_manager.filter(submission_token=submission_token).first()
    if existing is None:
        try:
            with transaction.atomic():
                return create()
        except (IntegrityError, SavedMeanwhile):
            existing = model._default_manager.filter(submission_token=submission_token).first()
            if existing is None:
                raise
    if not same(existing):
        raise SubmissionTokenReused
    return existing


def _comparable(value):
    if isinstance(value, models.Manager):  # a many-to-many or reverse relation of the row
        return {item.pk for item in value.all()}
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, Iterable) and not isinstance(value, str | bytes):
        return {item.pk if isinstance(item, models.Model) else item for item in value}
    return value


def fields_match(row: models.Model, **values) -> bool:
    """Whether ``row`` holds these values, as a service saved them (for ``same=``).

    Related rows compare by primary key; many-to-many fields and lists compare as sets, so the
    order in which a visitor ticked boxes does not matter.
    """
    return all(
        _comparable(getattr(row, name)) == _comparable(value) for name, value in values.items()
    )
