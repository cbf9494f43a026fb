"""Writes for the research library."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction

from knowledge.documents import pdf_text
from knowledge.models import Authorship, Person, Publication


def publication_extract_text(*, publication: Publication) -> Publication:
    """Read the publication's PDF into its search text again (new uploads do it themselves:
    knowledge.documents.DocumentFileField); for files uploaded before that."""
    text = pdf_text(publication.file) if publication.file else ""
    Publication.objects.filter(pk=publication.pk).update(file_text=text)
    publication.file_text = text
    return publication


@transaction.atomic
def publication_set_authors(*, publication: Publication, people: Sequence[Person]) -> None:
    """Make ``people`` the publication's authors, in this order."""
    wanted = {person.pk: position for position, person in enumerate(people)}
    current = {a.person_id: a for a in publication.authorships.all()}
    for person_id, authorship in current.items():
        if person_id not in wanted:
            authorship.delete()
        elif authorship.position != wanted[person_id]:
            authorship.position = wanted[person_id]
            authorship.save(update_fields=["position"])
    for person_id, position in wanted.items():
        if person_id not in current:
            Authorship.objects.create(
                publication=publication, person_id=person_id, position=position
            )
