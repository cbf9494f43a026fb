"""Save a public form's submission once, however often it is posted.

Every public form carries a once-only ``submission_token`` (core.forms.PublicFormMixin), kept
in a unique column. A double click, a resent POST or two app servers racing then save one row,
and the later posts get the first one back, with nothing queued twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from django.db import IntegrityError, models, transaction


def save_once[Row: models.Model](
    model: type[Row], submission_token: uuid.UUID, create: Callable[[], Row]
) -> Row:
    """The row saved for ``submission_token``, created by ``create()`` if there is none yet.

    ``create`` runs in its own transaction (savepoint) and should queue the submission's emails
    there, so they are written only with the row. Returns whatever ``create`` returns (a
    service may hand back an earlier row instead, e.g. an existing sign-up for the address).
    If a concurrent request saved the same token first, its row is returned; any other
    integrity error is raised.
    """
    existing = model._default_manager.filter(submission_token=submission_token).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return create()
    except IntegrityError:
        existing = model._default_manager.filter(submission_token=submission_token).first()
        if existing is None:
            raise
        return existing
