"""Writes for the knowledge centre, one module per aggregate: seminar sign-ups and
cancellations (``event``) and publication authors (``publication``). Import from this package.
"""

from knowledge.services.event import (
    CANCEL_SALT,
    RegistrationClosed,
    registration_cancel,
    registration_cancel_token,
    registration_confirm,
    registration_create,
    registration_move_to_waiting,
)
from knowledge.services.publication import publication_extract_text, publication_set_authors

__all__ = [
    "CANCEL_SALT",
    "RegistrationClosed",
    "publication_extract_text",
    "publication_set_authors",
    "registration_cancel",
    "registration_cancel_token",
    "registration_confirm",
    "registration_create",
    "registration_move_to_waiting",
]
