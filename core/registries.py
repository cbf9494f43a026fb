"""The shared features an app can take part in, and how it declares its part.

Each app that adds something to a shared feature does so in one module of its own,
``<app>/contributions.py``, found at start-up the way Django's admin finds ``admin.py``. A reader
sees an app's whole footprint in that one file; the features below never import an app.

    # programmes/contributions.py
    from core import registries

    registries.private_models.register("programmes.HostingOffer")
    registries.search_sources.register("programmes", SearchSource(...))

The registries (what each value is, and who reads it):

- ``alert_kinds``: ``alerts.kinds.ListKind`` instances, key = the kind's key (alerts, feeds);
- ``start_page``: ``core.waiting.WaitingEntry``, key = the entry's key (the admin start page);
- ``search_sources``: ``core.search.SearchSource``, key = the source's key (site search);
- ``related_work``: ``core.related.RelatedSource``: an app's items on given themes and countries
  (the "related work" beside a publication);
- ``sitemaps``: a ``django.contrib.sitemaps.Sitemap`` class, key = its section in sitemap.xml;
- ``private_models``: model labels whose rows only staff see (saving them keeps the public page
  cache), value ``True``;
- ``staff_grants``: a ``staff.roles.Grant`` for a staff group, key = ``(group, target)``;
- ``personal_data``: ``core.personal_data.PersonalData``, key = the model label (export, erase,
  retention and the privacy notice);
- ``outbox_collectors``: callables the email worker runs before sending, key = a name.

Registering a key twice is an error (two apps claiming one thing is a bug to see at start-up,
not a silent replacement). An app whose contributions module fails to import stops the
start-up. Core declares its own part in ``core/contributions.py`` like any app.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import autodiscover_modules

MODULE_NAME = "contributions"


class AlreadyRegistered(ImproperlyConfigured):
    pass


class Registry:
    """Keyed contributions to one shared feature, in the order they were registered."""

    def __init__(self, feature: str):
        self.feature = feature
        self._entries: dict[Any, Any] = {}

    def register(self, key, value=True):
        if key in self._entries:
            raise AlreadyRegistered(f"{self.feature} {key!r} is registered twice.")
        self._entries[key] = value
        return value

    def unregister(self, key) -> None:
        del self._entries[key]

    @contextmanager
    def registered(self, key, value=True) -> Iterator[Any]:
        """For tests: the entry exists inside the block only."""
        self.register(key, value)
        try:
            yield value
        finally:
            self.unregister(key)

    def get(self, key, default=None):
        return self._entries.get(key, default)

    def __getitem__(self, key):
        return self._entries[key]

    def __contains__(self, key) -> bool:
        return key in self._entries

    def __iter__(self):
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def keys(self):
        return list(self._entries)

    def values(self) -> list:
        return list(self._entries.values())

    def items(self) -> list[tuple]:
        return list(self._entries.items())

    def __repr__(self) -> str:
        return f"<Registry of {self.feature}: {len(self)} entries>"


alert_kinds = Registry("alert kind")
start_page = Registry("start-page entry")
search_sources = Registry("search source")
related_work = Registry("related-work source")
sitemaps = Registry("sitemap")
private_models = Registry("private model")
staff_grants = Registry("staff grant")
personal_data = Registry("personal data")
outbox_collectors = Registry("outbox collector")

_discovered = False


def autodiscover() -> None:
    """Import every installed app's contributions module once (CoreConfig.ready calls this)."""
    global _discovered
    if _discovered:
        return
    _discovered = True
    autodiscover_modules(MODULE_NAME)
