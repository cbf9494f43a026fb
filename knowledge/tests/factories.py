"""Plain factory functions for knowledge tests (no factory_boy in this project)."""

from __future__ import annotations

import itertools
import uuid
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from knowledge.models import Event, Person, Publication, Registration, ResearchCall
from knowledge.services import publication_set_authors
from knowledge.tests.files import PDF

_counter = itertools.count(1)


def make_person(**kwargs) -> Person:
    n = next(_counter)
    values = {"given_names": f"Given{n}", "family_name": f"Family{n}", "affiliation": ""}
    values.update(kwargs)
    return Person.objects.create(**values)


def make_publication(
    *, authors=(), themes=(), countries=(), organisations=(), with_file=False, **kwargs
) -> Publication:
    n = next(_counter)
    values = {
        "slug": f"publication-{n}",
        "type": Publication.Type.RESEARCH_REPORT,
        "title_sv": f"Publikation {n}",
        "title_en": f"Publication {n}",
        "year": 2020,
        "document_languages": ["en"],
        "is_published": True,
    }
    values.update(kwargs)
    publication = Publication.objects.create(**values)
    if authors:
        publication_set_authors(publication=publication, people=list(authors))
    if themes:
        publication.themes.set(themes)
    if countries:
        publication.countries.set(countries)
    if organisations:
        publication.organisations.set(organisations)
    if with_file:
        publication.file.save("x.pdf", ContentFile(PDF), save=False)
        publication.save(update_fields=["file"])
    publication.refresh_from_db()
    return publication


def make_event(**kwargs) -> Event:
    n = next(_counter)
    start = timezone.now() + timedelta(days=10)
    values = {
        "slug": f"event-{n}",
        "kind": Event.Kind.SEMINAR,
        "title_sv": f"Seminarium {n}",
        "title_en": f"Seminar {n}",
        "starts_at": start,
        "ends_at": start + timedelta(hours=2),
        "venue_sv": "Hästgatan 1",
        "city": "Visby",
        "capacity": 2,
        "is_published": True,
    }
    values.update(kwargs)
    return Event.objects.create(**values)


def make_past_event(**kwargs) -> Event:
    """An event that ended well before today."""
    start = timezone.now() - timedelta(days=20)
    return make_event(starts_at=start, ends_at=start + timedelta(hours=2), **kwargs)


def make_call(**kwargs) -> ResearchCall:
    n = next(_counter)
    now = timezone.now()
    values = {
        "slug": f"call-{n}",
        "title_sv": f"Utlysning {n}",
        "title_en": f"Call {n}",
        "description_sv": "<p>Beskrivning</p>",
        "opens_at": now - timedelta(days=5),
        "closes_at": now + timedelta(days=30),
        "is_published": True,
    }
    values.update(kwargs)
    return ResearchCall.objects.create(**values)


def make_registration(event: Event, **kwargs) -> Registration:
    n = next(_counter)
    values = {
        "name": f"Person {n}",
        "email": f"person{n}@example.org",
        "consent": True,
        "language": "en",
        "status": Registration.Status.CONFIRMED,
        "submission_token": uuid.uuid4(),
    }
    values.update(kwargs)
    return Registration.objects.create(event=event, **values)
