"""Models of the municipal partnership programme, one module per aggregate.

``partnership`` (partnerships, their images, ICLD networks), ``story``, ``interest``
(application rounds, interest registrations, their history and matches) and ``seeker``
(partner seekers abroad). Partnerships and stories are drafts until published
(``core.publishing``). Import everything public from this package.
"""

from partnerships.models.interest import (
    PERSONAL_FIELDS,
    ApplicationRound,
    InterestRegistration,
    Match,
    RegistrationEvent,
    stockholm_today,
)
from partnerships.models.partnership import (
    Network,
    Partnership,
    PartnershipImage,
    PartnershipQuerySet,
)
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
