"""The start-page entries this app registers for the other apps' submissions.

Models are looked up by label and checked before registering, so an entry
appears by itself once its app has built the model (and disappears rather than
breaking if a model or status is renamed). An app that prefers to own its entry
registers it under the same key (see staff.waiting), which replaces this one.
"""

from __future__ import annotations

from datetime import timedelta

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from staff.waiting import register_waiting

RECENT_DAYS = 7

# (key, label, model label, status value meaning "not handled yet", order)
NEW_STATUS_ENTRIES = [
    (
        "partnerships.new_interest_registrations",
        _("New interest registrations"),
        "partnerships.InterestRegistration",
        "new",
        10,
    ),
    (
        "partnerships.new_applications",
        _("New partnership applications"),
        "partnerships.Application",
        "new",
        11,
    ),
    (
        "programmes.new_hosting_offers",
        _("New hosting offers"),
        "programmes.HostingOffer",
        "new",
        20,
    ),
    (
        "programmes.new_applications",
        _("New programme applications"),
        "programmes.Application",
        "new",
        21,
    ),
    (
        "core.new_accessibility_reports",
        _("New accessibility reports and requests"),
        "core.AccessibilityReport",
        "new",
        40,
    ),
]


def _model(label: str):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def _has_choice(model, field_name: str, value: str) -> bool:
    try:
        field = model._meta.get_field(field_name)
    except FieldDoesNotExist:
        return False
    return value in {choice for choice, _label in (field.choices or [])}


def _has_field(model, field_name: str) -> bool:
    try:
        model._meta.get_field(field_name)
    except FieldDoesNotExist:
        return False
    return True


def _status_entry(key, label, label_model, status, order) -> None:
    model = _model(label_model)
    if model is None or not _has_choice(model, "status", status):
        return
    register_waiting(
        key=key,
        label=label,
        model=label_model,
        order=order,
        queryset=lambda: model._default_manager.filter(status=status),
        filters={"status__exact": status},
    )


def _recent_since() -> str:
    return (timezone.localdate() - timedelta(days=RECENT_DAYS)).isoformat()


def _seminar_entries() -> None:
    model = _model("knowledge.Registration")
    if model is None or not _has_field(model, "created_at"):
        return
    filters = {"created_at__date__gte": _recent_since}
    if _has_choice(model, "status", "cancelled"):
        active = [
            value
            for value, _label in model._meta.get_field("status").choices
            if value != "cancelled"
        ]
        filters["status__in"] = lambda: ",".join(active)

    def recent_filters() -> dict[str, str]:
        return {name: value() for name, value in filters.items()}

    def recent():
        params = recent_filters()
        if "status__in" in params:
            params["status__in"] = params["status__in"].split(",")
        return model._default_manager.filter(**params)

    register_waiting(
        key="knowledge.recent_registrations",
        label=_("Seminar sign-ups in the last 7 days"),
        model="knowledge.Registration",
        order=30,
        queryset=recent,
        filters=recent_filters,
    )
    if _has_choice(model, "status", "waiting"):
        register_waiting(
            key="knowledge.waiting_list",
            label=_("Seminar sign-ups on a waiting list"),
            model="knowledge.Registration",
            order=31,
            queryset=lambda: model._default_manager.filter(status="waiting"),
            filters={"status__exact": "waiting"},
        )


def register_defaults() -> None:
    for entry in NEW_STATUS_ENTRIES:
        _status_entry(*entry)
    _seminar_entries()
