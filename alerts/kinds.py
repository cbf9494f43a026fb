"""The lists a visitor can follow: one ``ListKind`` per list page, in a registry.

A kind knows its list's URL name, how that list reads its GET filters (it reuses the list's
own form or parser, so an alert matches exactly what the list shows), how to write the filters
back as a normalised query string, how to describe them in words, and which of its items are
new since a moment. Events can also be given as iCalendar.

Each kind's ``items(filters, since=..., limit=...)`` returns ``Item`` values in the active
language; call it inside ``translation.override(language)``.

Each app adapts its own lists: it subclasses ``ListKind`` (in ``<app>/list_kinds.py``),
implements ``parse``, ``describe`` and ``items``, and registers an instance in its
``contributions.py`` (``core.registries.alert_kinds``). This module knows no app.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import QueryDict
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.functional import Promise
from django.utils.html import strip_tags
from django.utils.text import Truncator

from core import registries
from reference.models import Country, Theme

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
class FilterField:
    """A control the subscribe page offers for a kind whose list has no filter form of its own:
    a search box (no ``options``) or a group of checkboxes, named as the query string names it."""

    name: str
    label: Promise | str
    options: list[tuple[str, str]] = field(default_factory=list)

    @property
    def is_search(self) -> bool:
        return self.name == "q"


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


def summary_text(value) -> str:
    text = " ".join(strip_tags(str(value or "")).split())
    return Truncator(text).chars(240)


def date_text(value) -> str:
    return formats.date_format(value, "DATE_FORMAT")


def datetime_text(value) -> str:
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


SLUG = re.compile(r"^[-\w]{1,100}$")


def slug_values(params: QueryDict, name: str) -> list[str]:
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


def remember(key: tuple, compute: Callable[[], Any]) -> Any:
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
    has_calendar: bool = False  # True: the kind has an iCalendar feed of its items
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

    def filter_fields(self) -> list[FilterField]:
        """Controls for the subscribe page (none: the list's own filters are the way in)."""
        return []

    def calendar(self, filters: Filters, *, name: str) -> str:  # pragma: no cover - optional
        """The matching items as an iCalendar text (only kinds with ``calendar = True``)."""
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

    def url_slug(self) -> str:
        """The kind's segment in alert URLs, in the active language: the last segment of its
        list's own URL (``partnerskap`` under /sv/, ``partnerships`` under /en/)."""
        return reverse(self.url_name).rstrip("/").rsplit("/", 1)[-1]

    def url_slugs(self) -> set[str]:
        """Every segment that has named this kind: its key and its slug in each language."""
        slugs = {self.key}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                slugs.add(self.url_slug())
        return slugs


_REGISTRY: dict[str, ListKind] = {}


def get(key: str) -> ListKind | None:
    return registries.alert_kinds.get(key)


def all_kinds() -> list[ListKind]:
    return registries.alert_kinds.values()


def by_url_name(view_name: str) -> ListKind | None:
    for kind in registries.alert_kinds.values():
        if kind.url_name == view_name:
            return kind
    return None


def by_url_slug(slug: str) -> ListKind | None:
    """The kind an alert URL names, by its slug in either language or by its key (the old
    URLs): the caller redirects when it is not the active language's slug."""
    for kind in registries.alert_kinds.values():
        if slug in kind.url_slugs():
            return kind
    return None


class KindConverter:
    """``<kind:kind>`` in alert URLs. Reversing takes a kind's key (or any of its slugs) and
    writes the active language's slug, so ``reverse`` and the language switcher
    (``translate_url``) give each language its own words. Resolving keeps the segment as
    written; the views redirect a slug of the other language or a key to the right one."""

    regex = r"[-\w]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        kind = get(value) or by_url_slug(value)
        return kind.url_slug() if kind is not None else value


def kind_choices() -> list[tuple[str, Any]]:
    return [(kind.key, kind.label) for kind in registries.alert_kinds.values()]


# --- Vocabulary filters several kinds share ------------------------------------------------


def themes_in(params: QueryDict) -> list:
    """The themes a query names by slug (unknown slugs ignored)."""
    slugs = slug_values(params, "theme")
    if not slugs:
        return []
    every = remember(("themes",), lambda: {t.slug: t for t in Theme.objects.all()})
    return [every[slug] for slug in slugs if slug in every]


def countries_in(params: QueryDict) -> list:
    """The countries a query names by slug (unknown slugs ignored)."""
    slugs = slug_values(params, "country")
    if not slugs:
        return []
    if _memo.get() is None:
        return list(Country.objects.filter(slug__in=slugs).order_by("slug"))
    every = remember(("countries",), lambda: {c.slug: c for c in Country.objects.all()})
    return [every[slug] for slug in slugs if slug in every]
