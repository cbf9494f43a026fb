"""The knowledge-centre lists a visitor can follow (alerts, feeds and the calendar)."""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from alerts.kinds import (
    FilterField,
    Filters,
    Item,
    ListKind,
    countries_in,
    datetime_text,
    remember,
    slug_values,
    summary_text,
    themes_in,
)
from core.search import clean_search
from knowledge import ical
from knowledge.models import DOCUMENT_LANGUAGES, Event, Publication, ResearchCall
from knowledge.search import LibraryQuery, _vocabulary, filtered_publications
from knowledge.selectors import events_for_calendar_feed, events_search, research_calls_search
from reference.models import Country, Theme


def _search_text(params) -> str:
    """``q`` as the event and call lists read it (the same cleaning, so the same matches)."""
    return clean_search(params.get("q", ""))


def _options(queryset) -> list[tuple[str, str]]:
    return sorted(((item.slug, str(item)) for item in queryset), key=lambda o: o[1].casefold())


class PublicationKind(ListKind):
    key = "publications"
    label = _("Publications")
    url_name = "knowledge:publications"

    def parse(self, params):
        query = LibraryQuery.from_params(params)
        themes, countries = remember(("library-vocabulary",), _vocabulary)
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
                summary=summary_text(p.abstract),
                detail=f"{p.get_type_display()}, {p.year}",
            )
            for p in queryset
        ]


class ResearchCallKind(ListKind):
    """The call list has a search box; an alert honours it as the list does (its own selector)
    and can also narrow by theme (``?q=&theme=<slug>``), chosen on the subscribe page."""

    key = "calls"
    label = _("Research calls")
    url_name = "knowledge:calls"
    list_has_filters = False

    def parse(self, params):
        q = _search_text(params)
        themes = themes_in(params)
        encoded = {"q": [q] if q else [], "theme": [t.slug for t in themes]}
        return Filters({"q": q, "themes": themes}, {k: v for k, v in encoded.items() if v})

    def describe(self, filters):
        rows = [(gettext("Search"), filters.value["q"])] if filters.value["q"] else []
        themes = filters.value["themes"]
        if themes:
            rows.append((gettext("Theme"), ", ".join(str(t) for t in themes)))
        return rows

    def filter_fields(self):
        themes = Theme.objects.filter(research_calls__is_published=True).distinct()
        return [
            FilterField("q", gettext("Search")),
            FilterField("theme", gettext("Theme"), _options(themes)),
        ]

    def items(self, filters, *, since=None, limit=50):
        queryset = ResearchCall.objects.published()
        if filters.value["q"]:
            found = research_calls_search(filters.value["q"])
            queryset = queryset.filter(pk__in=[call.pk for call in found])
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
                summary=summary_text(call.summary),
                detail=gettext("Deadline: %(date)s") % {"date": datetime_text(call.closes_at)},
            )
            for call in queryset
        ]


class EventKind(ListKind):
    """The event list has a search box; an alert honours it as the list does (its own
    selector) and can also narrow by kind, theme, country and language
    (``?q=&kind=&theme=&country=&language=``), chosen on the subscribe page."""

    key = "events"
    label = _("Seminars and workshops")
    url_name = "knowledge:events"
    has_calendar = True
    list_has_filters = False

    def parse(self, params):
        themes, countries = themes_in(params), countries_in(params)
        event_kinds = [k for k in slug_values(params, "kind") if k in Event.Kind.values]
        languages = [
            code for code in slug_values(params, "language") if code in Event.Language.values
        ]
        q = _search_text(params)
        value = {
            "q": q,
            "themes": themes,
            "countries": countries,
            "kinds": event_kinds,
            "languages": languages,
        }
        encoded = {
            "q": [q] if q else [],
            "theme": [t.slug for t in themes],
            "country": [c.slug for c in countries],
            "kind": event_kinds,
            "language": languages,
        }
        return Filters(value, {k: v for k, v in encoded.items() if v})

    def describe(self, filters):
        value = filters.value
        rows = [(gettext("Search"), value["q"])] if value["q"] else []
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

    def filter_fields(self):
        published = {"events__is_published": True}
        return [
            FilterField("q", gettext("Search")),
            FilterField(
                "kind", gettext("Kind"), [(k, str(label)) for k, label in Event.Kind.choices]
            ),
            FilterField(
                "theme", gettext("Theme"), _options(Theme.objects.filter(**published).distinct())
            ),
            FilterField(
                "country",
                gettext("Country"),
                _options(Country.objects.filter(**published).distinct()),
            ),
            FilterField(
                "language",
                gettext("Language"),
                [(k, str(label)) for k, label in Event.Language.choices],
            ),
        ]

    def _queryset(self, filters):
        value = filters.value
        # The list's own search (ranked, then ordered here): what matches is what it shows.
        queryset = events_search(value["q"]) if value["q"] else Event.objects.published()
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
            detail = datetime_text(event.starts_at) + (f", {place}" if place else "")
            items.append(
                Item(
                    key=f"event:{event.pk}",
                    title=str(event.title),
                    url=event.get_absolute_url(),
                    published=event.created_at,
                    summary=summary_text(event.summary or event.description),
                    detail=detail,
                )
            )
        return items

    def calendar(self, filters, *, name):
        """Upcoming events and those of the last six months, as the site's own calendar."""
        events = events_for_calendar_feed().filter(pk__in=self._queryset(filters).values("pk"))
        return ical.calendar(events, name=name)
