"""Writes for the knowledge centre, one module per aggregate: seminar sign-ups and
cancellations (``event``) and publication authors (``publication``). Import from this package.
"""

from knowledge.services.event import (
    CANCEL_SALT,
    REMINDER_BEFORE,
    EventSaved,
    RegistrationClosed,
    event_save,
    registration_calendar_file,
    registration_cancel,
    registration_cancel_token,
    registration_confirm,
    registration_create,
    registration_delete,
    registration_move_to_waiting,
    registration_reminders,
)
from knowledge.services.publication import publication_extract_text, publication_set_authors

__all__ = [
    "CANCEL_SALT",
    "REMINDER_BEFORE",
    "EventSaved",
    "RegistrationClosed",
    "event_save",
    "publication_extract_text",
    "publication_set_authors",
    "registration_calendar_file",
    "registration_cancel",
    "registration_cancel_token",
    "registration_confirm",
    "registration_create",
    "registration_delete",
    "registration_move_to_waiting",
    "registration_reminders",
]
