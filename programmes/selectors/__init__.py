"""Reads for programme pages and for the other apps, one module per aggregate.

Every function returns a queryset (or a list built from a fixed number of queries), so a page
runs the same number of queries whatever the amount of data.

Used by other apps:

* ``figures()``: ``[{"label": lazy str, "value": int}, ...]`` for the home page; one query each.
* ``open_programmes()``: published programmes taking applications today (Europe/Stockholm).
* ``programmes_for_country(country)``: published programmes a country's officials may apply to.
* ``programmes_for_theme(theme)``: published programmes on a theme.
* ``hosted_visits_for_organisation(organisation)``: visits the organisation has hosted, only if
  it agreed to be listed as a host.
"""

from programmes.selectors.hosting import OfferSuggestion, offers_suggested_for_intake
from programmes.selectors.programme import (
    figures,
    open_programmes,
    programme_filter_options,
    programme_get_for_detail,
    programme_list_counts,
    programme_list_public,
    programmes_for_country,
    programmes_for_theme,
    sweden_phases_upcoming,
)
from programmes.selectors.visit import (
    PhaseCalendar,
    hosted_visits_for_organisation,
    hosts_public,
    intake_sweden_phase_calendar,
    visits_for_export,
)

__all__ = [
    "OfferSuggestion",
    "PhaseCalendar",
    "intake_sweden_phase_calendar",
    "figures",
    "hosted_visits_for_organisation",
    "hosts_public",
    "offers_suggested_for_intake",
    "open_programmes",
    "programme_filter_options",
    "programme_get_for_detail",
    "programme_list_counts",
    "programme_list_public",
    "programmes_for_country",
    "programmes_for_theme",
    "sweden_phases_upcoming",
    "visits_for_export",
]
