"""Personal data, declared once per model by the app that owns it.

Each app registers, in its contributions module, a ``PersonalData`` for every model that holds
data about a person (``core.registries.personal_data``, keyed by the model label). From those
declarations, and nothing else:

- ``export_for_email`` gives everything the portal holds about an email address (the right of
  access), across every app and the outbox;
- ``erase_for_email`` erases it (the right to erasure), in one transaction;
- ``apply_retention`` removes what is past its retention period (``manage.py apply_retention``,
  daily);
- the privacy notice lists every kind with its period (``privacy_notice_rows``).

A model with an email field that holds no one's personal data (ICLD's own published
addresses) is declared with ``NotPersonalData`` and a reason, so that every email field is
accounted for (tests/test_personal_data.py fails on one that is not).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.db import models, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.functional import Promise

from core import registries

# What an erase or a retention rule does to the rows it finds.
DELETE = "delete"


@dataclass(frozen=True)
class Retention:
    """How long a kind is kept: ``period`` in words for the privacy notice, and ``due(now)``,
    the rows past it (``None``: staff review the rows by hand; the notice says when)."""

    period: str | Promise
    due: Callable[[datetime], QuerySet] | None = None


@dataclass(frozen=True)
class PersonalData:
    """A model that holds personal data.

    ``kind`` names it in the privacy notice and in exports ("Interest registrations").
    ``email_fields`` are the fields that hold the person's address (matched without regard to
    case); ``rows(email)`` replaces that lookup where it is not enough (the outbox).
    ``fields`` are exported. ``erase`` is ``DELETE`` (the rows go), or a function that removes
    the personal fields of the rows it is given and keeps the rest for statistics; it returns
    how many rows it changed. The same erase applies when the retention period is over.
    """

    model: str
    kind: str | Promise
    fields: tuple[str, ...]
    retention: Retention
    email_fields: tuple[str, ...] = ("email",)
    erase: str | Callable[[QuerySet], int] = DELETE
    rows: Callable[[str], QuerySet] | None = None
    ordering: int = 100

    @property
    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    def rows_for_email(self, email: str) -> QuerySet:
        email = (email or "").strip()
        manager = self.model_class._default_manager
        if not email:
            return manager.none()
        if self.rows is not None:
            return self.rows(email)
        condition = Q()
        for name in self.email_fields:
            condition |= Q(**{f"{name}__iexact": email})
        return manager.filter(condition)

    def erase_rows(self, queryset: QuerySet) -> int:
        if self.erase == DELETE:
            return queryset.delete()[1].get(self.model, 0)
        return self.erase(queryset)


@dataclass(frozen=True)
class NotPersonalData:
    """A model with an email field that holds no personal data, and why."""

    model: str
    reason: str


def declare(declaration: PersonalData | NotPersonalData) -> None:
    """Register a declaration (from an app's contributions module); the model must exist."""
    apps.get_model(declaration.model)
    registries.personal_data.register(declaration.model, declaration)


def declarations() -> list[PersonalData]:
    found = [d for d in registries.personal_data.values() if isinstance(d, PersonalData)]
    return sorted(found, key=lambda d: (d.ordering, d.model))


# --- Export ---------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A value as JSON can hold it."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict | str | int | float | bool) or value is None:
        return value
    return str(value)


def _row(obj: models.Model, names: Iterable[str]) -> dict[str, Any]:
    data: dict[str, Any] = {"id": obj.pk}
    for name in names:
        model_field = obj._meta.get_field(name)
        if model_field.many_to_many or model_field.one_to_many:
            data[name] = [str(item) for item in getattr(obj, name).all()]
        else:
            data[name] = _plain(getattr(obj, name))
    return data


def _with_relations(declaration: PersonalData, queryset: QuerySet) -> QuerySet:
    """Fetch the exported relations with the rows, not one query per row."""
    meta = declaration.model_class._meta
    fields = [meta.get_field(name) for name in declaration.fields]
    single = [f.name for f in fields if f.many_to_one or f.one_to_one]
    many = [f.name for f in fields if f.many_to_many or f.one_to_many]
    # select_related() without names would follow every foreign key: only name what is there.
    if single:
        queryset = queryset.select_related(*single)
    if many:
        queryset = queryset.prefetch_related(*many)
    return queryset


def held_about(email: str) -> list[tuple[str, int]]:
    """(kind, number of rows) of everything held about ``email``: what an erase would touch."""
    counts = []
    for declaration in declarations():
        count = declaration.rows_for_email(email).count()
        if count:
            counts.append((str(declaration.kind), count))
    return counts


def export_for_email(email: str) -> dict[str, Any]:
    """Everything held about ``email``, kind by kind, as plain data (for a JSON file)."""
    kinds = []
    for declaration in declarations():
        queryset = _with_relations(declaration, declaration.rows_for_email(email))
        rows = [_row(obj, declaration.fields) for obj in queryset]
        if rows:
            kinds.append({"kind": str(declaration.kind), "model": declaration.model, "rows": rows})
    return {"email": email.strip(), "exported_at": timezone.now().isoformat(), "kinds": kinds}


# --- Erase and retention --------------------------------------------------------------------


@transaction.atomic
def erase_for_email(email: str) -> dict[str, int]:
    """Erase everything held about ``email`` in every app; how many rows of each model went.

    The outbox is declared like any model, and comes last: the emails that confirmed what was
    erased go with it.
    """
    counts = {}
    for declaration in sorted(declarations(), key=lambda d: d.model == "core.OutboxMessage"):
        queryset = declaration.rows_for_email(email)
        if declaration.erase != DELETE:
            queryset = queryset.select_for_update(of=("self",))
        counts[declaration.model] = declaration.erase_rows(queryset)
    return counts


def apply_retention(*, now: datetime | None = None, dry_run: bool = False) -> dict[str, int]:
    """Erase, model by model, what is past its retention period; how many rows (would) go."""
    now = now or timezone.now()
    counts = {}
    for declaration in declarations():
        if declaration.retention.due is None:
            continue
        queryset = declaration.retention.due(now)
        if dry_run:
            counts[declaration.model] = queryset.count()
            continue
        with transaction.atomic():
            if declaration.erase != DELETE:
                queryset = queryset.select_for_update(of=("self",))
            counts[declaration.model] = declaration.erase_rows(queryset)
    return counts


# --- The privacy notice ---------------------------------------------------------------------


@dataclass(frozen=True)
class NoticeRow:
    kind: str
    fields: list[str] = field(default_factory=list)
    period: str = ""


def privacy_notice_rows() -> list[NoticeRow]:
    """Every declared kind, what it holds and for how long, in the active language."""
    rows = []
    for declaration in declarations():
        meta = declaration.model_class._meta
        names = [str(meta.get_field(name).verbose_name) for name in declaration.fields]
        rows.append(NoticeRow(str(declaration.kind), names, str(declaration.retention.period)))
    return rows
