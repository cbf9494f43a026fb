"""Models of the municipal partnership programme, one module per aggregate.

Issue 4 (interest registrations, partner seekers, application rounds) adds its
own modules here; import everything public from this package.
"""

from partnerships.models.network import Network
from partnerships.models.partnership import Partnership, PartnershipImage, PartnershipQuerySet
from partnerships.models.story import Story, StoryQuerySet

__all__ = [
    "Network",
    "Partnership",
    "PartnershipImage",
    "PartnershipQuerySet",
    "Story",
    "StoryQuerySet",
]
