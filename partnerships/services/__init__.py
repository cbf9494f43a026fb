"""Writes for the partnership database, one module per aggregate; import them from here."""

from partnerships.services.interest import (
    match_record,
    registration_submit,
    registration_update,
    registrations_assign_rounds,
    registrations_erase,
    seekers_erase_contact,
)
from partnerships.services.partnership import (
    partnership_publish,
    partnership_refresh_search_names,
    partnership_search_names,
    partnership_unpublish,
    partnership_upsert,
    partnership_validate_parties,
    partnerships_refresh_search_names,
)
from partnerships.services.seeker import (
    seeker_opaque_slug,
    seeker_save,
    seeker_slug,
    seekers_refresh_search_copies,
)
from partnerships.services.story import story_publish, story_unpublish, story_upsert

__all__ = [
    "match_record",
    "partnership_publish",
    "partnership_refresh_search_names",
    "partnership_search_names",
    "partnership_unpublish",
    "partnership_upsert",
    "partnership_validate_parties",
    "partnerships_refresh_search_names",
    "registration_submit",
    "registrations_assign_rounds",
    "registration_update",
    "registrations_erase",
    "seeker_opaque_slug",
    "seeker_save",
    "seeker_slug",
    "seekers_erase_contact",
    "seekers_refresh_search_copies",
    "story_publish",
    "story_unpublish",
    "story_upsert",
]
