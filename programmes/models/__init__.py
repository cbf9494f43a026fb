"""Models of the training programmes, one module per aggregate.

* ``programme``: a ``Programme`` (what a visitor reads about: aim, target group, eligible
  countries, format), its ``Intake`` cohorts (about 25 participants each, with an application
  period) and their ``Phase`` rows (inception workshop, Sweden phase, final workshop ...).
* ``hosting``: a Swedish municipality's or region's ``HostingOffer``, sent through the public
  form, to host a group study visit or a two-day placement during ``HostingPeriod`` rows.
* ``visit``: a ``ScheduledVisit`` books a host for an intake on given dates. PostgreSQL itself
  refuses two visits for one host on overlapping dates (an exclusion constraint).
* ``history``: what changed on an offer or a visit (``HistoryEntry``).

Import everything public from this package.
"""

from programmes.models.history import HistoryEntry
from programmes.models.hosting import HostingKind, HostingOffer, HostingPeriod
from programmes.models.programme import (
    RESERVED_SLUGS,
    Intake,
    IntakeQuerySet,
    Phase,
    Programme,
    ProgrammeQuerySet,
    WorkingLanguage,
    intake_that_matters,
    today,
)
from programmes.models.visit import (
    VISIT_OVERLAP_CONSTRAINT,
    DateRange,
    ScheduledVisit,
    ScheduledVisitQuerySet,
)

__all__ = [
    "RESERVED_SLUGS",
    "VISIT_OVERLAP_CONSTRAINT",
    "DateRange",
    "HistoryEntry",
    "HostingKind",
    "HostingOffer",
    "HostingPeriod",
    "Intake",
    "IntakeQuerySet",
    "Phase",
    "Programme",
    "ProgrammeQuerySet",
    "ScheduledVisit",
    "ScheduledVisitQuerySet",
    "WorkingLanguage",
    "intake_that_matters",
    "today",
]
