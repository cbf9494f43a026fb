"""Reads of the research library: cards, the detail page, related work, the home page figures.

The library search (full text, facets, sorting) is in ``knowledge.search``.
"""

from __future__ import annotations

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from core.related import related_work
from knowledge.models import Authorship, Event, Person, Publication

CARD_FIELDS = (
    "pk",
    "slug",
    "type",
    "year",
    "title_sv",
    "title_en",
    "abstract_sv",
    "abstract_en",
    "author_names",
    "document_languages",
    "created_at",
)


def figures() -> list[dict]:
    """Headline numbers: [{"label": lazy str, "value": int}], one query each."""
    return [
        {"label": _("Upcoming seminars and workshops"), "value": Event.objects.upcoming().count()},
        {
            "label": _("Publications in the research library"),
            "value": Publication.objects.published().count(),
        },
    ]


def latest_publications(*, limit: int = 6) -> QuerySet[Publication]:
    return Publication.objects.published().only(*CARD_FIELDS).order_by("-created_at", "-pk")[:limit]


def publications_for_country(country, *, limit: int = 6) -> QuerySet[Publication]:
    return (
        Publication.objects.published()
        .filter(countries=country)
        .only(*CARD_FIELDS)
        .order_by("-year", "-pk")[:limit]
    )


def publications_for_theme(theme, *, limit: int = 6) -> QuerySet[Publication]:
    return (
        Publication.objects.published()
        .filter(themes=theme)
        .only(*CARD_FIELDS)
        .order_by("-year", "-pk")[:limit]
    )


def publications_for_organisation(organisation, *, limit: int = 6) -> QuerySet[Publication]:
    return (
        Publication.objects.published()
        .filter(organisations=organisation)
        .only(*CARD_FIELDS)
        .order_by("-year", "-pk")[:limit]
    )


def publication_get_for_detail(slug: str, *, include_drafts: bool = False) -> Publication | None:
    shown = Publication.objects.all() if include_drafts else Publication.objects.published()
    return (
        shown.filter(slug=slug)
        .select_related("cover")
        .prefetch_related(
            Prefetch("authorships", queryset=Authorship.objects.select_related("person")),
            "themes",
            "countries",
            "organisations",
        )
        .first()
    )


def published_authors() -> QuerySet[Person]:
    """People named on a published publication: the only authors a "did you mean" may offer
    (the author of a draft is nobody's business before it is out)."""
    return Person.objects.filter(
        Exists(Authorship.objects.filter(person=OuterRef("pk"), publication__is_published=True))
    )


def publication_get(slug: str) -> Publication | None:
    return Publication.objects.published().filter(slug=slug).first()


def related_publications(publication: Publication, *, limit: int = 4) -> list[Publication]:
    """Publications sharing the most themes and countries with ``publication``."""
    theme_ids = [t.pk for t in publication.themes.all()]
    country_ids = [c.pk for c in publication.countries.all()]
    if not theme_ids and not country_ids:
        return []
    theme_through = Publication.themes.through
    country_through = Publication.countries.through

    def overlap(through, column: str, ids: list) -> Subquery:
        return Coalesce(
            Subquery(
                through.objects.filter(publication_id=OuterRef("pk"), **{f"{column}__in": ids})
                .values("publication_id")
                .annotate(n=Count("pk"))
                .values("n"),
                output_field=IntegerField(),
            ),
            Value(0),
        )

    return list(
        Publication.objects.published()
        .exclude(pk=publication.pk)
        .filter(
            Q(pk__in=theme_through.objects.filter(theme_id__in=theme_ids).values("publication_id"))
            | Q(
                pk__in=country_through.objects.filter(country_id__in=country_ids).values(
                    "publication_id"
                )
            )
        )
        .annotate(
            shared=overlap(theme_through, "theme_id", theme_ids)
            + overlap(country_through, "country_id", country_ids)
        )
        .only(*CARD_FIELDS)
        .order_by("-shared", "-year", "-pk")[:limit]
    )


def work_sharing_themes_and_countries(publication: Publication, *, limit: int = 6) -> list:
    """What the other apps do on the publication's themes or in its countries (each app that
    registers a ``core.related.RelatedSource`` gives one group)."""
    return related_work(publication.themes.all(), publication.countries.all(), limit=limit)
