"""Models of the municipal partnership programme, one module per aggregate.

Issue 4 (interest registrations, partner seekers, application rounds) adds its
own modules here; import everything public from this package.
"""

from partnerships.models.interest import (
    PERSONAL_FIELDS,
    InterestRegistration,
    Match,
    RegistrationEvent,
)
from partnerships.models.network import Network
from partnerships.models.partnership import Partnership, PartnershipImage, PartnershipQuerySet
from partnerships.models.rounds import ApplicationRound, stockholm_today
from partnerships.models.seeker import PartnerSeeker
from partnerships.models.story import Story, StoryQuerySet

__all__ = [
    "PERSONAL_FIELDS",
    "ApplicationRound",
    "InterestRegistration",
    "Match",
    "PartnerSeeker",
    "RegistrationEvent",
    "stockholm_today",
    "Network",
    "Partnership",
    "PartnershipImage",
    "PartnershipQuerySet",
    "Story",
    "StoryQuerySet",
]
