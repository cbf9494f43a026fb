"""The programme list a visitor can follow (alerts and feeds)."""

from __future__ import annotations

from datetime import datetime, time

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from alerts.kinds import (
    Filters,
    Item,
    ListKind,
    date_text,
    remember,
    summary_text,
)
from core.i18n import active_language
from programmes.forms import ProgrammeFilterForm
from programmes.models import Intake, today
from programmes.selectors import programme_filter_options, programme_list_public


class ProgrammeKind(ListKind):
    """New on the programme list: an intake whose application period has opened."""

    key = "programmes"
    label = _("Training Programmes")
    url_name = "programmes:index"

    def parse(self, params):
        options = remember(("programme-options", active_language()), programme_filter_options)
        form = ProgrammeFilterForm(
            params or None, countries=options["countries"], themes=options["themes"]
        )
        filters = form.filters()
        encoded = {
            "q": [filters["q"]] if filters.get("q") else [],
            "country": [filters["country"].slug] if "country" in filters else [],
            "theme": [filters["theme"].slug] if "theme" in filters else [],
            "open": ["on"] if filters.get("open_only") else [],
        }
        return Filters(filters, {k: v for k, v in encoded.items() if v})

    def describe(self, filters):
        fields = ProgrammeFilterForm.base_fields
        rows = [(str(fields["q"].label), filters.value["q"])] if filters.value.get("q") else []
        for name in ("country", "theme"):
            if name in filters.value:
                rows.append((str(fields[name].label), str(filters.value[name])))
        if filters.value.get("open_only"):
            rows.append((str(fields["open"].label), gettext("Yes")))
        return rows

    def items(self, filters, *, since=None, limit=50):
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
                summary=summary_text(intake.programme.summary),
                detail=gettext("Apply by %(date)s")
                % {"date": date_text(intake.application_closes_on)},
            )
            for intake in queryset[:limit]
        ]
