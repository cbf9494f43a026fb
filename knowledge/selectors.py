"""Reads for the knowledge centre's pages, and what other apps may ask of it.

Public selectors other apps can use (each returns published items only and
runs a fixed number of queries):

* ``figures()``: headline numbers for the home page;
* ``upcoming_events(limit=3)`` and ``open_research_calls()``;
* ``publications_for_country(country)``, ``publications_for_theme(theme)``,
  ``publications_for_organisation(organisation)``;
* ``events_for_theme(theme)``, ``events_for_country(country)``.

The library search itself lives in ``knowledge.search``.
"""

from __future__ import annotations

from datetime import timedelta

from django.core import signing
from django.db.models import (
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.related import related_work
from knowledge.models import Authorship, Event, Publication, Registration, ResearchCall
from knowledge.services import CANCEL_SALT

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


def upcoming_events(*, limit: int = 3) -> QuerySet[Event]:
    """The next events that have not ended, soonest first."""
    return Event.objects.upcoming()[:limit]


def open_research_calls() -> QuerySet[ResearchCall]:
    """Calls open for applications now, closing soonest first."""
    return ResearchCall.objects.open().order_by("closes_at", "pk")


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


def events_for_theme(theme, *, limit: int = 6) -> QuerySet[Event]:
    """Upcoming events on a theme, soonest first."""
    return Event.objects.upcoming().filter(themes=theme)[:limit]


def events_for_country(country, *, limit: int = 6) -> QuerySet[Event]:
    """Upcoming events about a country, soonest first."""
    return Event.objects.upcoming().filter(countries=country)[:limit]


# --- Publication pages -------------------------------------------------------


def publication_get_for_detail(slug: str) -> Publication | None:
    return (
        Publication.objects.published()
        .filter(slug=slug)
        .prefetch_related(
            Prefetch("authorships", queryset=Authorship.objects.select_related("person")),
            "themes",
            "countries",
            "organisations",
        )
        .first()
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


# --- Research calls ----------------------------------------------------------


def research_calls_for_list() -> dict[str, list[ResearchCall]]:
    now = timezone.now()
    calls = list(ResearchCall.objects.published().order_by("closes_at", "pk"))
    return {
        "open": [c for c in calls if c.status_at(now) == ResearchCall.Status.OPEN],
        "upcoming": [c for c in calls if c.status_at(now) == ResearchCall.Status.UPCOMING],
        "closed": sorted(
            (c for c in calls if c.status_at(now) == ResearchCall.Status.CLOSED),
            key=lambda c: c.closes_at,
            reverse=True,
        ),
    }


def research_call_get_for_detail(slug: str) -> ResearchCall | None:
    return (
        ResearchCall.objects.published()
        .filter(slug=slug)
        .prefetch_related("documents", "themes")
        .first()
    )


# --- Events ------------------------------------------------------------------


def _with_seats(qs: QuerySet[Event]) -> QuerySet[Event]:
    return qs.annotate(
        confirmed_count=Count("registrations", filter=Q(registrations__status="confirmed")),
    )


def events_upcoming_for_list() -> QuerySet[Event]:
    return _with_seats(Event.objects.upcoming())


def events_past_for_list() -> QuerySet[Event]:
    return Event.objects.past()


def event_get_for_detail(slug: str) -> Event | None:
    return (
        _with_seats(Event.objects.published().filter(slug=slug))
        .annotate(waiting_count=Count("registrations", filter=Q(registrations__status="waiting")))
        .prefetch_related("speakers", "themes", "countries")
        .first()
    )


def event_get(slug: str) -> Event | None:
    return Event.objects.published().filter(slug=slug).first()


def seats_left(event: Event) -> int | None:
    """Free seats (None: no limit); uses ``confirmed_count`` when the selector annotated it."""
    if event.capacity is None:
        return None
    confirmed = getattr(event, "confirmed_count", None)
    if confirmed is None:
        confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
    return max(0, event.capacity - confirmed)


def events_for_calendar_feed() -> QuerySet[Event]:
    """Upcoming events and those of the last six months, for subscribed calendars."""
    since = timezone.now() - timedelta(days=183)
    return Event.objects.published().filter(ends_at__gte=since).order_by("starts_at", "pk")


def registration_from_cancel_token(token: str) -> Registration | None:
    """The registration a signed cancel link names, or None for a forged or broken link."""
    try:
        data = signing.loads(token, salt=CANCEL_SALT)
        pk, token_part = int(data["r"]), str(data["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    registration = Registration.objects.select_related("event").filter(pk=pk).first()
    if registration is None or registration.submission_token.hex[:12] != token_part:
        return None
    return registration


def registrations_for_export(event_ids: list[int]) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(event_id__in=event_ids)
        .select_related("event")
        .order_by("event__starts_at", "event_id", F("status").desc(), "created_at", "pk")
    )
