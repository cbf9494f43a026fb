"""Reads of the staff app."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.apps import apps
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.db.models import QuerySet
from django.urls import reverse

from core.personal_data import declarations
from core.waiting import registered_entries


@dataclass(frozen=True)
class WaitingItem:
    key: str
    label: str
    count: int
    url: str | None  # the filtered admin list, when the model has one


def waiting_items_for(request, *, site: admin.AdminSite = admin.site) -> list[WaitingItem]:
    """The start-page entries this person may see, each with its count (one query each)."""
    items = []
    for entry in registered_entries():
        model = apps.get_model(entry.model)
        model_admin = site._registry.get(model)
        opts = model._meta
        if model_admin is not None:
            allowed = model_admin.has_view_or_change_permission(request)
        else:
            user = request.user
            allowed = user.has_perm(f"{opts.app_label}.view_{opts.model_name}") or user.has_perm(
                f"{opts.app_label}.change_{opts.model_name}"
            )
        if not allowed:
            continue
        url = None
        if model_admin is not None:
            url = reverse(f"{site.name}:{opts.app_label}_{opts.model_name}_changelist")
            params = entry.filter_params()
            if params:
                url += "?" + urlencode(params)
        items.append(
            WaitingItem(
                key=entry.key, label=str(entry.label), count=entry.queryset().count(), url=url
            )
        )
    return items


def log_entries_recent() -> QuerySet[LogEntry]:
    return LogEntry.objects.select_related("user", "content_type").order_by("-action_time")


def may_handle_personal_data(user) -> bool:
    """Only someone who may view and delete every kind of personal data (an administrator):
    a team may not export or erase another team's records."""
    perms = []
    for declaration in declarations():
        meta = declaration.model_class._meta
        perms += [f"{meta.app_label}.view_{meta.model_name}"]
        perms += [f"{meta.app_label}.delete_{meta.model_name}"]
    return user.is_active and user.is_staff and user.has_perms(perms)
