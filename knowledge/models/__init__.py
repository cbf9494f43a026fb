"""The knowledge centre: research library, research calls, seminars and their sign-ups.

One module per aggregate: ``publication`` (people, publications and their authors),
``call`` (research calls and their documents) and ``event`` (seminars and sign-ups).
Publications, events and research calls point at the shared vocabulary in ``reference``
(themes, countries, organisations), which is what lets a theme's or a country's page gather
everything ICLD does with it. Import everything public from this package.
"""

from knowledge.models.call import (
    CallDocument,
    ResearchCall,
    ResearchCallQuerySet,
    upload_call_document,
)
from knowledge.models.event import Event, EventQuerySet, Registration
from knowledge.models.publication import (
    DOCUMENT_LANGUAGES,
    Authorship,
    Person,
    Publication,
    PublicationQuerySet,
    upload_cover,
    upload_publication_pdf,
)

__all__ = [
    "DOCUMENT_LANGUAGES",
    "Authorship",
    "CallDocument",
    "Event",
    "EventQuerySet",
    "Person",
    "Publication",
    "PublicationQuerySet",
    "Registration",
    "ResearchCall",
    "ResearchCallQuerySet",
    "upload_call_document",
    "upload_cover",
    "upload_publication_pdf",
]
