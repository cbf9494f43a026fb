"""Writes for programmes and hosting: every rule-bearing change goes through these functions.

One module per aggregate: ``hosting`` (offers from the public form), ``visit`` (booking hosts
for intakes) and ``history`` (what changed on an offer or a visit). Import from this package.
"""

from programmes.services.history import history_record
from programmes.services.hosting import (
    hosting_offer_set_status,
    hosting_offer_submit,
    hosting_offers_erase_contact,
)
from programmes.services.visit import (
    SCHEDULING_FIELDS,
    SchedulingCheck,
    VisitOverlapError,
    VisitSchedulingError,
    is_overlap_violation,
    lock_host_calendar,
    visit_check,
    visit_confirm,
    visit_create,
    visit_delete,
    visit_schedule,
    visit_update,
    visits_erase_host_contact,
)

__all__ = [
    "SCHEDULING_FIELDS",
    "SchedulingCheck",
    "VisitOverlapError",
    "VisitSchedulingError",
    "history_record",
    "hosting_offer_set_status",
    "hosting_offer_submit",
    "hosting_offers_erase_contact",
    "is_overlap_violation",
    "lock_host_calendar",
    "visit_check",
    "visit_confirm",
    "visit_create",
    "visit_delete",
    "visit_schedule",
    "visit_update",
    "visits_erase_host_contact",
]
