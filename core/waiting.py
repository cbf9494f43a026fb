"""What waits for staff action, shown on the admin start page.

An app declares its entries in its ``contributions.py``:

    from core.waiting import register_waiting

    register_waiting(
        key="programmes.new_hosting_offers",
        label=_("New hosting offers"),
        model="programmes.HostingOffer",
        queryset=lambda: HostingOffer.objects.filter(status=HostingOffer.Status.NEW),
        filters={"status__exact": "new"},
    )

`queryset` is called on each visit and only counted. `filters` become the query
string of the model's admin list, so the link opens exactly the counted rows
(use the lookups the list understands: `status__exact=new`, `created_at__gte=...`;
a callable returning the dict is accepted for dates). An entry is shown only to
people who may view the model in admin; registering the same key twice is an error.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import QuerySet
from django.utils.functional import Promise

from core import registries

Filters = Mapping[str, str] | Callable[[], Mapping[str, str]]


@dataclass(frozen=True)
class WaitingEntry:
    key: str
    label: str | Promise
    model: str  # "app_label.ModelName"
    queryset: Callable[[], QuerySet]
    filters: Filters = field(default_factory=dict)
    order: int = 100

    def filter_params(self) -> dict[str, str]:
        params = self.filters() if callable(self.filters) else self.filters
        return {name: str(value) for name, value in params.items()}


def register_waiting(
    *,
    key: str,
    label: str | Promise,
    model: str,
    queryset: Callable[[], QuerySet],
    filters: Filters | None = None,
    order: int = 100,
) -> WaitingEntry:
    """Declare an entry (from an app's contributions module); the model must exist."""
    apps.get_model(model)
    entry = WaitingEntry(
        key=key, label=label, model=model, queryset=queryset, filters=filters or {}, order=order
    )
    return registries.start_page.register(key, entry)


def registered_entries() -> list[WaitingEntry]:
    return sorted(registries.start_page.values(), key=lambda entry: (entry.order, entry.key))
