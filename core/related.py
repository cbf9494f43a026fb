"""Work on the same themes and in the same countries, across apps.

A page of one app (a publication) can show what the other apps do on its themes and in its
countries without importing them: each app registers a ``RelatedSource`` in its
contributions module (``core.registries.related_work``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.functional import Promise

from core import registries


@dataclass(frozen=True)
class RelatedSource:
    """``for_theme(theme)`` and ``for_country(country)`` give an app's published items;
    ``label`` names one item ("Municipal partnership")."""

    key: str
    label: str | Promise
    for_theme: Callable[[Any], QuerySet]
    for_country: Callable[[Any], QuerySet]


@dataclass
class RelatedGroup:
    source: RelatedSource
    items: list = field(default_factory=list)

    @property
    def label(self):
        return self.source.label


def related_work(themes: Iterable, countries: Iterable, *, limit: int) -> list[RelatedGroup]:
    """Each source's newest items on any of ``themes`` or in any of ``countries``. The
    querysets are combined as subqueries, so each source costs one query however many themes
    and countries there are."""
    themes, countries = list(themes), list(countries)
    groups = []
    for source in registries.related_work.values():
        querysets = [source.for_theme(theme) for theme in themes]
        querysets += [source.for_country(country) for country in countries]
        if not querysets:
            continue
        condition = Q()
        for queryset in querysets:
            condition |= Q(pk__in=queryset.values("pk"))
        model = querysets[0].model
        items = list(model._default_manager.filter(condition).order_by("-pk")[:limit])
        if items:
            groups.append(RelatedGroup(source, items))
    return groups
