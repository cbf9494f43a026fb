"""Reads of scheduled visits: who has hosted (public pages, organisation pages) and exports."""

from __future__ import annotations

from datetime import date

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from core.i18n import active_language
from programmes.models import ScheduledVisit
from reference.models import Organisation


def hosts_public(*, on: date | None = None) -> QuerySet[Organisation]:
    """Municipalities and regions that hosted a visit and agreed to be listed, with the visits."""
    visits = ScheduledVisit.objects.hosted(on).listed()
    return (
        Organisation.objects.filter(Exists(visits.filter(host=OuterRef("pk"))))
        .select_related("county")
        .prefetch_related(
            Prefetch(
                "hosted_visits",
                queryset=visits.select_related("intake__programme").order_by("-starts_on"),
                to_attr="listed_visits",
            )
        )
        .order_by(f"county__name_{active_language()}", "short_name")
    )


def hosted_visits_for_organisation(organisation: Organisation) -> QuerySet[ScheduledVisit]:
    """Visits ``organisation`` has hosted (over, confirmed or completed), newest first.

    Empty unless the host agreed to be listed publicly for the visit.
    """
    return (
        ScheduledVisit.objects.hosted()
        .listed()
        .filter(host=organisation)
        .filter(intake__programme__is_published=True)
        .select_related("intake__programme")
        .order_by("-starts_on")
    )


def visits_for_export(queryset: QuerySet[ScheduledVisit] | None = None) -> QuerySet[ScheduledVisit]:
    queryset = ScheduledVisit.objects.all() if queryset is None else queryset
    return queryset.select_related("intake__programme", "host__county", "offer").order_by(
        "starts_on", "host__short_name"
    )
