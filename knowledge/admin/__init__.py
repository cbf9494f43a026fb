"""Staff tools for the knowledge centre, one module per aggregate: the research library
(people and publications), research calls, and events with their sign-ups. Importing this
package registers every model admin.
"""

from knowledge.admin.call import CallDocumentInline, ResearchCallAdmin
from knowledge.admin.event import EventAdmin, RegistrationAdmin, RegistrationInline
from knowledge.admin.publication import (
    AuthorshipInline,
    PersonAdmin,
    PublicationAdmin,
    PublicationAdminForm,
)

__all__ = [
    "AuthorshipInline",
    "CallDocumentInline",
    "EventAdmin",
    "PersonAdmin",
    "PublicationAdmin",
    "PublicationAdminForm",
    "RegistrationAdmin",
    "RegistrationInline",
    "ResearchCallAdmin",
]
