"""schema.org data (JSON-LD) for publication and event pages."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.html import strip_tags

from knowledge.models import Event, Person, Publication

ICLD = {
    "@type": "Organization",
    "name": "Swedish International Centre for Local Democracy (ICLD)",
    "alternateName": "Internationellt centrum för lokal demokrati",
    "url": settings.ICLD_SITE_URL + "/",
}
SCHEMA_TYPES = {
    Publication.Type.RESEARCH_REPORT: "Report",
    Publication.Type.WORKING_PAPER: "Report",
    Publication.Type.POLICY_BRIEF: "Report",
    Publication.Type.ANTHOLOGY: "Book",
    Publication.Type.CONFERENCE_REPORT: "Report",
    Publication.Type.OTHER: "CreativeWork",
}


def person(p: Person) -> dict:
    data = {
        "@type": "Person",
        "name": p.name,
        "givenName": p.given_names,
        "familyName": p.family_name,
    }
    if p.affiliation:
        data["affiliation"] = {"@type": "Organization", "name": p.affiliation}
    if p.orcid:
        data["sameAs"] = p.orcid_url
    return data


def publication(pub: Publication, authors: list[Person]) -> dict:
    url = settings.ICLD_SITE_URL + pub.get_absolute_url()
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES[pub.type],
        "@id": url,
        "url": url,
        "name": str(pub.citation_title),
        "headline": str(pub.citation_title)[:110],
        "author": [person(p) for p in authors],
        "datePublished": str(pub.year),
        "inLanguage": list(pub.document_languages),
        "publisher": ICLD,
        "genre": str(pub.get_type_display()),
        "about": [t.name for t in pub.themes.all()],
        "spatialCoverage": [{"@type": "Country", "name": c.name} for c in pub.countries.all()],
    }
    if str(pub.title) != str(pub.citation_title):
        data["alternativeHeadline"] = str(pub.title)
    if pub.abstract:
        data["abstract"] = str(pub.abstract)
    if pub.doi:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": pub.doi}
        data["sameAs"] = f"https://doi.org/{pub.doi}"
    if pub.isbn:
        data["isbn"] = pub.isbn
    if pub.file:
        data["encoding"] = {
            "@type": "MediaObject",
            "encodingFormat": "application/pdf",
            "contentUrl": settings.ICLD_SITE_URL
            + reverse("knowledge:publication_pdf", kwargs={"slug": pub.slug}),
        }
    return data


def event(ev: Event, speakers: list[Person], seats_left: int | None = None) -> dict:
    url = settings.ICLD_SITE_URL + ev.get_absolute_url()
    places = []
    if ev.venue:
        places.append(
            {
                "@type": "Place",
                "name": str(ev.venue),
                "address": ", ".join(x for x in (str(ev.venue), ev.city) if x),
            }
        )
    if ev.online_url:
        # With sign-up, the meeting link is only for those registered: point at the event page.
        places.append(
            {"@type": "VirtualLocation", "url": url if ev.registration_enabled else ev.online_url}
        )
    if ev.venue and ev.online_url:
        mode = "MixedEventAttendanceMode"
    elif ev.online_url:
        mode = "OnlineEventAttendanceMode"
    else:
        mode = "OfflineEventAttendanceMode"
    languages = {"sv": ["sv"], "en": ["en"], "sv_en": ["sv", "en"]}[ev.language]
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": url,
        "url": url,
        "name": str(ev.title),
        "description": " ".join(strip_tags(ev.summary or ev.description).split()),
        "startDate": ev.starts_at.isoformat(),
        "endDate": ev.ends_at.isoformat(),
        "eventStatus": "https://schema.org/"
        + ("EventCancelled" if ev.is_cancelled else "EventScheduled"),
        "eventAttendanceMode": f"https://schema.org/{mode}",
        "location": places[0] if len(places) == 1 else places,
        "organizer": ICLD,
        "inLanguage": languages,
        "performer": [person(p) for p in speakers],
        "isAccessibleForFree": True,
        "about": [t.name for t in ev.themes.all()],
    }
    # An offer only while one can sign up: a past, started or cancelled event offers no
    # tickets, and a full one has none in stock (only the waiting list).
    if ev.registration_is_open():
        data["offers"] = {
            "@type": "Offer",
            "price": "0",
            "priceCurrency": "SEK",
            "url": url,
            "availability": "https://schema.org/" + ("SoldOut" if seats_left == 0 else "InStock"),
            "validThrough": ev.registration_closes_at().isoformat(),
        }
    return data
