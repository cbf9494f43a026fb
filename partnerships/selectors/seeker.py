"""Reads for partner seekers: the public list, its filters, and the registration form's choices."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from core import search
from core.i18n import active_language
from partnerships.models import PartnerSeeker
from reference.models import Country, Theme

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,140}")


@dataclass(frozen=True)
class SeekerFilters:
    country: Country | None = None
    theme: Theme | None = None
    q: str = ""


def seeker_search_queryset() -> QuerySet[PartnerSeeker]:
    """What search may find among seekers: the public ones."""
    return (
        PartnerSeeker.objects.public()
        .select_related("organisation", "country")
        .defer("search_vector", "search_country", "search_organisation")
    )


def seeker_list_public(filters: SeekerFilters | None = None) -> QuerySet[PartnerSeeker]:
    """Open seekers that agreed to be listed, longest waiting first (best match first for a
    search); 1 + 1 queries."""
    filters = filters or SeekerFilters()
    queryset = seeker_search_queryset()
    if filters.country is not None:
        queryset = queryset.filter(country=filters.country)
    if filters.theme is not None:
        queryset = queryset.filter(themes=filters.theme)
    order = ["seeking_since", "pk"]
    if filters.q:
        queryset = search.ranked(queryset, filters.q).queryset
        order = ["-rank", *order]
    return queryset.prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("ordering", f"name_{active_language()}"))
    ).order_by(*order)


def seeker_filter_options() -> tuple[list[Country], list[Theme]]:
    """Countries and themes that public seekers have: one query each."""
    public = PartnerSeeker.objects.public()
    countries = list(Country.objects.filter(partner_seekers__in=public).distinct().order_by_name())
    themes = list(Theme.objects.filter(partner_seekers__in=public).distinct())
    return countries, themes


def seeker_get_public(slug: str) -> PartnerSeeker | None:
    # Only a well-formed slug reaches the database (a NUL byte would be a database error).
    if not isinstance(slug, str) or not SLUG.fullmatch(slug):
        return None
    return (
        PartnerSeeker.objects.public()
        .select_related("organisation", "country")
        .prefetch_related("themes")
        .filter(slug=slug)
        .first()
    )


def seekers_for_form() -> list[PartnerSeeker]:
    """Public seekers that agreed to be contacted: the choices of the registration form."""
    return list(
        PartnerSeeker.objects.public()
        .filter(consent_contact=True)
        .select_related("organisation", "country")
        .order_by("seeking_since", "pk")
    )
