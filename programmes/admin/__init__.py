"""Staff tools, one module per aggregate: programmes and intakes, offers to host, the visit
schedule, and the history of changes to offers and visits.

Writes that carry rules (scheduling, confirmation emails, status changes) go through
``programmes.services``; the database's exclusion constraint refuses double bookings, and the
visit form reports them as a form error rather than a failed save. Importing this package
registers every model admin.
"""

from programmes.admin.history import HistoryEntryAdmin, HistoryInline
from programmes.admin.hosting import HostingOfferAdmin, HostingOfferAdminForm, HostingPeriodAdmin
from programmes.admin.programme import IntakeAdmin, PhaseAdmin, ProgrammeAdmin
from programmes.admin.visit import ScheduledVisitAdmin, ScheduledVisitForm

__all__ = [
    "HistoryEntryAdmin",
    "HistoryInline",
    "HostingOfferAdmin",
    "HostingOfferAdminForm",
    "HostingPeriodAdmin",
    "IntakeAdmin",
    "PhaseAdmin",
    "ProgrammeAdmin",
    "ScheduledVisitAdmin",
    "ScheduledVisitForm",
]
