"""The partnership lists a visitor can follow (alerts and feeds)."""

from __future__ import annotations

from dataclasses import replace

from django.utils.translation import gettext_lazy as _

from alerts.kinds import (
    Filters,
    Item,
    ListKind,
    remember,
    summary_text,
)
from core.i18n import active_language
from partnerships.forms import PartnershipFilterForm, SeekerFilterForm
from partnerships.models import Partnership
from partnerships.selectors import (
    partnership_list_public,
    seeker_filter_options,
    seeker_list_public,
)


class PartnershipKind(ListKind):
    key = "partnerships"
    label = _("Municipal Partnerships")
    url_name = "partnerships:list"

    def parse(self, params):
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
                summary=summary_text(p.summary),
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
        countries, themes = remember(("seeker-options", active_language()), seeker_filter_options)
        filters = SeekerFilterForm(params or None, countries=countries, themes=themes).filters()
        encoded = {
            "q": [filters.q] if filters.q else [],
            "country": [filters.country.slug] if filters.country else [],
            "theme": [filters.theme.slug] if filters.theme else [],
        }
        return Filters(filters, {k: v for k, v in encoded.items() if v})

    def describe(self, filters):
        fields = SeekerFilterForm.base_fields
        rows = [(str(fields["q"].label), filters.value.q)] if filters.value.q else []
        for name in ("country", "theme"):
            if getattr(filters.value, name):
                rows.append((str(fields[name].label), str(getattr(filters.value, name))))
        return rows

    def items(self, filters, *, since=None, limit=50):
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
                summary=summary_text(seeker.description),
                detail=str(seeker.country),
            )
            for seeker in queryset
        ]
