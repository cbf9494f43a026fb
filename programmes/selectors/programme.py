"""Reads of programmes, their intakes and phases: the list, the detail page, the home page."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.db.models.query import ModelIterable
from django.utils.translation import gettext_lazy as _

from core import search
from programmes.models import (
    Intake,
    Phase,
    Programme,
    ScheduledVisit,
    intake_that_matters,
    today,
)
from reference.models import Country, Theme


def _intakes_prefetch(*, with_phases: bool = False) -> Prefetch:
    queryset = Intake.objects.order_by("starts_on")
    if with_phases:
        phases = Phase.objects.order_by("starts_on")
        queryset = queryset.prefetch_related(Prefetch("phases", queryset=phases))
    return Prefetch("intakes", queryset=queryset)


# The long texts of the detail page, which no card shows.
CARD_DEFERRED = (
    *(
        f"{name}_{language}"
        for name in (
            "aim",
            "target_group",
            "format_description",
            "cost",
            "how_to_apply",
            "application_period",
            "who_may_apply",
            "partners",
            "meta_description",
        )
        for language in ("sv", "en")
    ),
    "search_vector",
)


def _programme_cards(queryset: QuerySet[Programme]) -> QuerySet[Programme]:
    """What a programme card shows: the intake that matters today (``shown_intake``), themes
    and countries (``card_themes``, ``card_countries``), open ones first."""
    queryset = (
        queryset.published()
        .with_open_intake()
        .defer(*CARD_DEFERRED)
        .order_by("-is_open", "ordering", "title_sv")
    )
    queryset._iterable_class = CardIterable
    return queryset


class CardIterable(ModelIterable):
    """Programmes with what their cards show, three queries for all the rows fetched.

    The same three queries as ``prefetch_related``, without the queryset it builds for each
    row and relation; and the intake each card shows is chosen here, once, for every page
    that shows programme cards.
    """

    def __iter__(self):
        programmes = list(super().__iter__())
        by_id = {programme.pk: programme for programme in programmes}
        intakes: dict[int, list[Intake]] = {pk: [] for pk in by_id}
        for programme in programmes:
            programme.card_themes, programme.card_countries = [], []
        if by_id:
            db, ids = self.queryset.db, list(by_id)
            for intake in Intake.objects.using(db).filter(programme__in=ids).order_by("starts_on"):
                intakes[intake.programme_id].append(intake)
            themes = (
                Theme.objects.using(db)
                .filter(programmes__in=ids)
                .annotate(card_of=F("programmes"))
                .only("slug", "name_sv", "name_en")
                .order_by("ordering", "name_sv")
            )
            for theme in themes:
                by_id[theme.card_of].card_themes.append(theme)
            countries = (
                Country.objects.using(db)
                .filter(programmes__in=ids)
                .annotate(card_of=F("programmes"))
                .only("slug", "name_sv", "name_en")
                .order_by_name()
            )
            for country in countries:
                by_id[country.card_of].card_countries.append(country)
        on = today()
        for programme in programmes:
            programme.shown_intake = intake_that_matters(intakes[programme.pk], on)
        yield from programmes


# --- Pages of this app -----------------------------------------------------------------------


def programme_list_public(
    *,
    country: Country | None = None,
    theme: Theme | None = None,
    open_only: bool = False,
    q: str = "",
) -> QuerySet[Programme]:
    """Published programmes, open ones first; for a search (``q``), the best match first."""
    queryset = Programme.objects.all()
    if country is not None:
        queryset = queryset.filter(eligible_countries=country)
    if theme is not None:
        queryset = queryset.filter(themes=theme)
    queryset = _programme_cards(queryset)
    if open_only:
        queryset = queryset.filter(is_open=True)
    if q:
        queryset = search.ranked(queryset, q).queryset.order_by(
            F("rank").desc(), "-is_open", "ordering", "title_sv"
        )
    return queryset


def programme_list_counts(queryset: QuerySet[Programme]) -> dict[str, int]:
    """How many programmes ``programme_list_public`` gives (``total``) and how many of them
    take applications now (``open``), in one query."""
    return queryset.order_by().aggregate(
        total=Count("pk"), open=Count("pk", filter=Q(is_open=True))
    )


def programme_filter_options() -> dict[str, list]:
    """The countries and themes that at least one published programme has (two queries)."""
    published = Programme.objects.published()
    countries = list(
        Country.objects.filter(programmes__in=published)
        .only("slug", "name_sv", "name_en")
        .distinct()
        .order_by_name()
    )
    themes = list(
        Theme.objects.filter(programmes__in=published).only("slug", "name_sv", "name_en").distinct()
    )
    return {"countries": countries, "themes": themes}


def programme_get_for_detail(*, slug: str, include_drafts: bool = False) -> Programme | None:
    shown = Programme.objects.all() if include_drafts else Programme.objects.published()
    return (
        shown.with_open_intake()
        .prefetch_related(
            _intakes_prefetch(with_phases=True),
            Prefetch("themes", Theme.objects.order_by("ordering", "name_sv")),
            Prefetch("eligible_countries", Country.objects.order_by_name()),
        )
        .filter(slug=slug)
        .first()
    )


def sweden_phases_upcoming(*, on: date | None = None, limit: int = 8) -> QuerySet[Phase]:
    """Phases in Sweden still to come: when groups may visit a host."""
    on = on or today()
    return (
        Phase.objects.filter(
            kind=Phase.Kind.SWEDEN, ends_on__gte=on, intake__programme__is_published=True
        )
        .select_related("intake__programme")
        .order_by("starts_on")[:limit]
    )


# --- For other apps --------------------------------------------------------------------------


def figures() -> list[dict]:
    """Headline figures for the home page; each value comes from one query."""
    published = Programme.objects.published()
    return [
        {"label": _("training programmes"), "value": published.count()},
        {
            "label": _("programmes open for applications"),
            "value": published.open_for_applications().count(),
        },
        {
            "label": _("Swedish municipalities and regions have hosted study visits"),
            "value": ScheduledVisit.objects.hosted().listed().values("host").distinct().count(),
        },
    ]


def open_programmes() -> QuerySet[Programme]:
    """Published programmes taking applications today, soonest deadline first."""
    return _programme_cards(Programme.objects.open_for_applications())


def programmes_for_country(country: Country) -> QuerySet[Programme]:
    """Published programmes whose participants may come from ``country``; open ones first."""
    return _programme_cards(Programme.objects.filter(eligible_countries=country))


def programmes_for_theme(theme: Theme) -> QuerySet[Programme]:
    """Published programmes on ``theme``; open ones first."""
    return _programme_cards(Programme.objects.filter(themes=theme))
