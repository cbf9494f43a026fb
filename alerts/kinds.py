"""The lists a visitor can follow: one ``ListKind`` per list page, in a registry.

A kind knows its list's URL name, how that list reads its GET filters (it reuses the list's
own form or parser, so an alert matches exactly what the list shows), how to write the filters
back as a normalised query string, how to describe them in words, and which of its items are
new since a moment. Events can also be given as iCalendar.

Each kind's ``items(filters, since=..., limit=...)`` returns ``Item`` values in the active
language; call it inside ``translation.override(language)``.

To add a list: subclass ``ListKind``, implement ``parse``, ``encode``, ``describe`` and
``items``, and call ``register()``. Other apps' modules are imported inside the methods, so
this module can be imported while the models load.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime, time
from typing import Any
from urllib.parse import urlencode

from django.http import QueryDict
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.i18n import active_language

# Parameters of a list URL that are about presentation, never about what matches.
PRESENTATION_PARAMS = ("page", "sort")
MAX_QUERY_LENGTH = 4000
MAX_VALUES_PER_PARAM = 20


@dataclass(frozen=True)
class Item:
    """One thing on a list, as an alert, a feed or a digest shows it."""

    key: str  # stable and unique across kinds: "<model>:<pk>"
    title: str
    url: str  # path on this site, in the active language
    published: datetime  # when it became new on the list
    summary: str = ""
    detail: str = ""  # one line: a date, a deadline, a country


@dataclass(frozen=True)
class Filters:
    """What a kind parsed from a query string: its own value, and whether anything is set."""

    value: Any
    params: dict[str, list[str]] = field(default_factory=dict)

    @property
    def query(self) -> str:
        return encode_params(self.params)

    @property
    def is_empty(self) -> bool:
        return not self.params


def encode_params(params: dict[str, list[str]]) -> str:
    pairs = [(name, value) for name in sorted(params) for value in params[name] if value != ""]
    return urlencode(pairs)


def query_dict(query: str | QueryDict | None) -> QueryDict:
    """The query as a QueryDict, at most MAX_QUERY_LENGTH characters of it (a normal list URL
    is far shorter; a longer one is cut, never refused)."""
    if isinstance(query, QueryDict):
        encoded = query.urlencode()
        if len(encoded) <= MAX_QUERY_LENGTH:
            return query
        query = encoded
    return QueryDict((query or "")[:MAX_QUERY_LENGTH])


def _summary(value) -> str:
    text = " ".join(strip_tags(str(value or "")).split())
    return Truncator(text).chars(240)


def _date(value) -> str:
    return formats.date_format(value, "DATE_FORMAT")


def _datetime(value) -> str:
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


SLUG = re.compile(r"^[-\w]{1,100}$")


def _slugs(params: QueryDict, name: str) -> list[str]:
    """The values of a parameter that could be a slug or a code; anything else is ignored."""
    values = [v.strip() for v in params.getlist(name)[:MAX_VALUES_PER_PARAM]]
    return sorted({v for v in values if SLUG.match(v)})


_memo: ContextVar[dict | None] = ContextVar("alerts_kinds_memo", default=None)


@contextmanager
def shared_lookups():
    """Inside this block, kinds look up each vocabulary once, however many filters they parse
    (a page or a digest with many alerts runs a fixed number of queries)."""
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def _remember(key: tuple, compute: Callable[[], Any]) -> Any:
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


class ListKind:
    key: str = ""
    label: Promise | str = ""
    url_name: str = ""
    calendar: bool = False  # True: the kind has an iCalendar feed of its items
    list_has_filters: bool = True  # False: the list page itself offers no filters (yet)

    # --- what each kind implements -----------------------------------------------------------

    def parse(self, params: QueryDict) -> Filters:  # pragma: no cover - abstract
        raise NotImplementedError

    def describe(self, filters: Filters) -> list[tuple[str, str]]:  # pragma: no cover
        """(label, value) pairs in the active language, one per filter in use."""
        raise NotImplementedError

    def items(
        self, filters: Filters, *, since: datetime | None = None, limit: int = 50
    ) -> list[Item]:  # pragma: no cover - abstract
        """Matching items that became new after ``since`` (all of them if None), newest first."""
        raise NotImplementedError

    def calendar_events(self, filters: Filters) -> Iterable:  # pragma: no cover - optional
        raise NotImplementedError

    # --- shared ---------------------------------------------------------------------------

    def from_query(self, query: str | QueryDict | None) -> Filters:
        return self.parse(query_dict(query))

    def normalize(self, query: str | QueryDict | None) -> str:
        """The query string of the filters the list would use; presentation parameters dropped."""
        return self.from_query(query).query

    def list_url(self, query: str = "") -> str:
        url = reverse(self.url_name)
        return f"{url}?{query}" if query else url


_REGISTRY: dict[str, ListKind] = {}


def register(kind: ListKind) -> ListKind:
    _REGISTRY[kind.key] = kind
    return kind


def get(key: str) -> ListKind | None:
    return _REGISTRY.get(key)


def all_kinds() -> list[ListKind]:
    return list(_REGISTRY.values())


def by_url_name(view_name: str) -> ListKind | None:
    for kind in _REGISTRY.values():
        if kind.url_name == view_name:
            return kind
    return None


def kind_choices() -> list[tuple[str, Any]]:
    return [(kind.key, kind.label) for kind in _REGISTRY.values()]


# --- Partnerships ---------------------------------------------------------------------------


class PartnershipKind(ListKind):
    key = "partnerships"
    label = _("Municipal partnerships")
    url_name = "partnerships:list"

    def parse(self, params):
        from dataclasses import replace

        from partnerships.forms import PartnershipFilterForm

        filters = replace(PartnershipFilterForm(params).to_filters(), sort="")
        encoded = {
            "q": [filters.q],
            "country": [filters.country.slug] if filters.country else [],
            "organisation": [filters.organisation.slug] if filters.organisation else [],
            "county": [str(filters.county.pk)] if filters.county else [],
            "theme": [filters.theme.slug] if filters.theme else [],
            "phase": [filters.phase],
            "status": [filters.status],
            "year": [str(filters.year)] if filters.year else [],
        }
        return Filters(filters, {k: v for k, v in encoded.items() if any(v)})

    def describe(self, filters):
        from partnerships.forms import PartnershipFilterForm
        from partnerships.models import Partnership

        value = filters.value
        fields = PartnershipFilterForm.base_fields
        rows = []
        if value.q:
            rows.append((fields["q"].label, value.q))
        for name in ("country", "county", "theme"):
            if getattr(value, name):
                rows.append((fields[name].label, str(getattr(value, name))))
        if value.organisation:
            rows.append((fields["organisation"].label, value.organisation.short_name))
        if value.phase:
            rows.append((fields["phase"].label, Partnership.Phase(value.phase).label))
        if value.status:
            rows.append((fields["status"].label, Partnership.Status(value.status).label))
        if value.year:
            rows.append((fields["year"].label, str(value.year)))
        return [(str(label), str(text)) for label, text in rows]

    def items(self, filters, *, since=None, limit=50):
        from partnerships.selectors import partnership_list_public

        queryset = partnership_list_public(filters.value).filter(published_at__isnull=False)
        if since is not None:
            queryset = queryset.filter(published_at__gt=since)
        queryset = queryset.prefetch_related(None).order_by("-published_at", "-pk")[:limit]
        return [
            Item(
                key=f"partnership:{p.pk}",
                title=str(p.title),
                url=p.get_absolute_url(),
                published=p.published_at,
                summary=_summary(p.summary),
                detail=str(p.country),
            )
            for p in queryset
        ]


class PartnerSeekerKind(ListKind):
    """Local governments abroad looking for a Swedish partner (only those listed publicly).

    "New" is "became visible or changed since": a seeker has no publication time, and one may
    agree to be listed long after it was recorded. The deliveries keep an edited seeker from
    being sent to the same alert twice.
    """

    key = "seekers"
    label = _("Partner seekers")
    url_name = "partnerships:seeker_list"

    def parse(self, params):
        from partnerships.forms_interest import SeekerFilterForm
        from partnerships.selectors_interest import seeker_filter_options

        countries, themes = _remember(("seeker-options", active_language()), seeker_filter_options)
        filters = SeekerFilterForm(params or None, countries=countries, themes=themes).filters()
        encoded = {
            "country": [filters.country.slug] if filters.country else [],
            "theme": [filters.theme.slug] if filters.theme else [],
        }
        return Filters(filters, {k: v for k, v in encoded.items() if v})

    def describe(self, filters):
        from partnerships.forms_interest import SeekerFilterForm

        fields = SeekerFilterForm.base_fields
        rows = []
        for name in ("country", "theme"):
            if getattr(filters.value, name):
                rows.append((str(fields[name].label), str(getattr(filters.value, name))))
        return rows

    def items(self, filters, *, since=None, limit=50):
        from partnerships.selectors_interest import seeker_list_public

        queryset = seeker_list_public(filters.value).prefetch_related(None)
        if since is not None:
            queryset = queryset.filter(updated_at__gt=since)
        queryset = queryset.order_by("-updated_at", "-pk")[:limit]
        return [
            Item(
                key=f"seeker:{seeker.pk}",
                title=seeker.public_name(),  # the organisation's name only if it agreed
                url=seeker.get_absolute_url(),
                published=seeker.updated_at,
                summary=_summary(seeker.description),
                detail=str(seeker.country),
            )
            for seeker in queryset
        ]


# --- Training programmes --------------------------------------------------------------------


class ProgrammeKind(ListKind):
    """New on the programme list: an intake whose application period has opened."""

    key = "programmes"
    label = _("Training programmes")
    url_name = "programmes:index"

    def parse(self, params):
        from programmes.forms import ProgrammeFilterForm
        from programmes.selectors import programme_filter_options

        options = _remember(("programme-options", active_language()), programme_filter_options)
        form = ProgrammeFilterForm(
            params or None, countries=options["countries"], themes=options["themes"]
        )
        filters = form.filters()
        encoded = {
            "country": [filters["country"].slug] if "country" in filters else [],
            "theme": [filters["theme"].slug] if "theme" in filters else [],
            "open": ["on"] if filters.get("open_only") else [],
        }
        return Filters(filters, {k: v for k, v in encoded.items() if v})

    def describe(self, filters):
        from programmes.forms import ProgrammeFilterForm

        fields = ProgrammeFilterForm.base_fields
        rows = []
        for name in ("country", "theme"):
            if name in filters.value:
                rows.append((str(fields[name].label), str(filters.value[name])))
        if filters.value.get("open_only"):
            rows.append((str(fields["open"].label), gettext("Yes")))
        return rows

    def items(self, filters, *, since=None, limit=50):
        from programmes.models import Intake, today
        from programmes.selectors import programme_list_public

        programmes = programme_list_public(**filters.value)
        queryset = Intake.objects.filter(
            programme__in=programmes.values("pk"), application_opens_on__lte=today()
        )
        if since is not None:
            # Dates, not times: an intake that opens on the day of the last digest is still new
            # (the deliveries keep it from being sent twice).
            queryset = queryset.filter(application_opens_on__gte=timezone.localdate(since))
        queryset = queryset.select_related("programme").order_by("-application_opens_on", "-pk")
        zone = timezone.get_current_timezone()
        return [
            Item(
                key=f"intake:{intake.pk}",
                title=f"{intake.programme.title} – {intake.name}",
                url=intake.programme.get_absolute_url(),
                published=datetime.combine(intake.application_opens_on, time(0), tzinfo=zone),
                summary=_summary(intake.programme.summary),
                detail=gettext("Apply by %(date)s") % {"date": _date(intake.application_closes_on)},
            )
            for intake in queryset[:limit]
        ]


# --- Knowledge centre -------------------------------------------------------------------------


class PublicationKind(ListKind):
    key = "publications"
    label = _("Publications")
    url_name = "knowledge:publications"

    def parse(self, params):
        from knowledge.search import LibraryQuery, _vocabulary

        query = LibraryQuery.from_params(params)
        themes, countries = _remember(("library-vocabulary",), _vocabulary)
        theme_by_slug = {t.slug: t for t in themes}
        country_by_slug = {c.slug: c for c in countries}
        query.themes = [s for s in query.themes if s in theme_by_slug]
        query.countries = [s for s in query.countries if s in country_by_slug]
        value = {
            "query": query,
            "themes": [theme_by_slug[s] for s in query.themes],
            "countries": [country_by_slug[s] for s in query.countries],
        }
        encoded = {
            "q": [query.q] if query.q else [],
            "type": list(query.types),
            "year": [str(y) for y in query.years],
            "theme": list(query.themes),
            "country": list(query.countries),
            "language": list(query.languages),
        }
        return Filters(value, {k: v for k, v in encoded.items() if v})

    def describe(self, filters):
        from knowledge.models import DOCUMENT_LANGUAGES, Publication

        query = filters.value["query"]
        languages = dict(DOCUMENT_LANGUAGES)
        rows = []
        if query.q:
            rows.append((gettext("Search"), query.q))
        if query.types:
            rows.append(
                (gettext("Type"), ", ".join(str(Publication.Type(t).label) for t in query.types))
            )
        if query.years:
            rows.append((gettext("Year"), ", ".join(str(y) for y in query.years)))
        if filters.value["themes"]:
            rows.append((gettext("Theme"), ", ".join(str(t) for t in filters.value["themes"])))
        if filters.value["countries"]:
            rows.append((gettext("Country"), ", ".join(str(c) for c in filters.value["countries"])))
        if query.languages:
            rows.append(
                (
                    gettext("Language of the document"),
                    ", ".join(str(languages[code]) for code in query.languages),
                )
            )
        return rows

    def items(self, filters, *, since=None, limit=50):
        from knowledge.search import filtered_publications

        value = filters.value
        queryset = filtered_publications(
            value["query"],
            theme_ids={t.slug: t.pk for t in value["themes"]},
            country_ids={c.slug: c.pk for c in value["countries"]},
        )
        if since is not None:
            queryset = queryset.filter(created_at__gt=since)
        queryset = queryset.order_by("-created_at", "-pk")[:limit]
        return [
            Item(
                key=f"publication:{p.pk}",
                title=str(p.title),
                url=p.get_absolute_url(),
                published=p.created_at,
                summary=_summary(p.abstract),
                detail=f"{p.get_type_display()}, {p.year}",
            )
            for p in queryset
        ]


def _themes(params: QueryDict):
    from reference.models import Theme

    slugs = _slugs(params, "theme")
    if not slugs:
        return []
    every = _remember(("themes",), lambda: {t.slug: t for t in Theme.objects.all()})
    return [every[slug] for slug in slugs if slug in every]


def _countries(params: QueryDict):
    from reference.models import Country

    slugs = _slugs(params, "country")
    if not slugs:
        return []
    if _memo.get() is None:
        return list(Country.objects.filter(slug__in=slugs).order_by("slug"))
    every = _remember(("countries",), lambda: {c.slug: c for c in Country.objects.all()})
    return [every[slug] for slug in slugs if slug in every]


class ResearchCallKind(ListKind):
    """The call list shows every call; an alert can also narrow by theme (``?theme=<slug>``)."""

    key = "calls"
    label = _("Research calls")
    url_name = "knowledge:calls"
    list_has_filters = False

    def parse(self, params):
        themes = _themes(params)
        encoded = {"theme": [t.slug for t in themes]}
        return Filters({"themes": themes}, {k: v for k, v in encoded.items() if v})

    def describe(self, filters):
        themes = filters.value["themes"]
        return [(gettext("Theme"), ", ".join(str(t) for t in themes))] if themes else []

    def items(self, filters, *, since=None, limit=50):
        from knowledge.models import ResearchCall

        queryset = ResearchCall.objects.published()
        if filters.value["themes"]:
            queryset = queryset.filter(themes__in=filters.value["themes"]).distinct()
        if since is not None:
            queryset = queryset.filter(created_at__gt=since)
        queryset = queryset.order_by("-created_at", "-pk")[:limit]
        return [
            Item(
                key=f"call:{call.pk}",
                title=str(call.title),
                url=call.get_absolute_url(),
                published=call.created_at,
                summary=_summary(call.summary),
                detail=gettext("Deadline: %(date)s") % {"date": _datetime(call.closes_at)},
            )
            for call in queryset
        ]


class EventKind(ListKind):
    """The event list shows every event; an alert can also narrow by theme, country, kind and
    language (``?theme=&country=&kind=&language=``)."""

    key = "events"
    label = _("Seminars and workshops")
    url_name = "knowledge:events"
    calendar = True
    list_has_filters = False

    def parse(self, params):
        from knowledge.models import Event

        themes, countries = _themes(params), _countries(params)
        event_kinds = [k for k in _slugs(params, "kind") if k in Event.Kind.values]
        languages = [code for code in _slugs(params, "language") if code in Event.Language.values]
        value = {
            "themes": themes,
            "countries": countries,
            "kinds": event_kinds,
            "languages": languages,
        }
        encoded = {
            "theme": [t.slug for t in themes],
            "country": [c.slug for c in countries],
            "kind": event_kinds,
            "language": languages,
        }
        return Filters(value, {k: v for k, v in encoded.items() if v})

    def describe(self, filters):
        from knowledge.models import Event

        value = filters.value
        rows = []
        if value["kinds"]:
            rows.append(
                (gettext("Kind"), ", ".join(str(Event.Kind(k).label) for k in value["kinds"]))
            )
        if value["themes"]:
            rows.append((gettext("Theme"), ", ".join(str(t) for t in value["themes"])))
        if value["countries"]:
            rows.append((gettext("Country"), ", ".join(str(c) for c in value["countries"])))
        if value["languages"]:
            rows.append(
                (
                    gettext("Language"),
                    ", ".join(str(Event.Language(code).label) for code in value["languages"]),
                )
            )
        return rows

    def _queryset(self, filters):
        from knowledge.models import Event

        value = filters.value
        queryset = Event.objects.published()
        if value["themes"]:
            queryset = queryset.filter(
                pk__in=Event.themes.through.objects.filter(theme__in=value["themes"]).values(
                    "event_id"
                )
            )
        if value["countries"]:
            queryset = queryset.filter(
                pk__in=Event.countries.through.objects.filter(
                    country__in=value["countries"]
                ).values("event_id")
            )
        if value["kinds"]:
            queryset = queryset.filter(kind__in=value["kinds"])
        if value["languages"]:
            queryset = queryset.filter(language__in=value["languages"])
        return queryset

    def items(self, filters, *, since=None, limit=50):
        queryset = self._queryset(filters)
        if since is not None:
            queryset = queryset.filter(created_at__gt=since)
        queryset = queryset.order_by("-created_at", "-pk")[:limit]
        items = []
        for event in queryset:
            place = event.city or (gettext("Online") if event.online_url else "")
            detail = _datetime(event.starts_at) + (f", {place}" if place else "")
            items.append(
                Item(
                    key=f"event:{event.pk}",
                    title=str(event.title),
                    url=event.get_absolute_url(),
                    published=event.created_at,
                    summary=_summary(event.summary or event.description),
                    detail=detail,
                )
            )
        return items

    def calendar_events(self, filters):
        """Upcoming events and those of the last six months, as the site's own calendar."""
        from knowledge.selectors import events_for_calendar_feed

        return events_for_calendar_feed().filter(pk__in=self._queryset(filters).values("pk"))


for _kind in (
    PartnershipKind(),
    PartnerSeekerKind(),
    ProgrammeKind(),
    PublicationKind(),
    ResearchCallKind(),
    EventKind(),
):
    register(_kind)
