"""Admin of the partnership database, one module per aggregate (importing them registers them)."""

from partnerships.admin.interest import (
    ApplicationRoundAdmin,
    InterestRegistrationAdmin,
    MatchAdmin,
    RegistrationAdminForm,
    RegistrationEventAdmin,
)
from partnerships.admin.partnership import NetworkAdmin, PartnershipAdmin, PartnershipAdminForm
from partnerships.admin.publishing import PublishActionsMixin
from partnerships.admin.seeker import PartnerSeekerAdmin, PartnerSeekerAdminForm
from partnerships.admin.story import StoryAdmin

__all__ = [
    "ApplicationRoundAdmin",
    "InterestRegistrationAdmin",
    "MatchAdmin",
    "NetworkAdmin",
    "PartnerSeekerAdmin",
    "PartnerSeekerAdminForm",
    "PartnershipAdmin",
    "PartnershipAdminForm",
    "PublishActionsMixin",
    "RegistrationAdminForm",
    "RegistrationEventAdmin",
    "StoryAdmin",
]
