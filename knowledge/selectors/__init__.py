"""Reads for the knowledge centre's pages, and what other apps may ask of it.

Public selectors other apps can use (each returns published items only and
runs a fixed number of queries):

* ``figures()``: headline numbers for the home page;
* ``upcoming_events(limit=3)`` and ``open_research_calls()``;
* ``publications_for_country(country)``, ``publications_for_theme(theme)``,
  ``publications_for_organisation(organisation)``;
* ``events_for_theme(theme)``, ``events_for_country(country)``,
  ``events_for_organisation(organisation)``.

One module per aggregate: ``publication``, ``call`` and ``event``. The library search itself
lives in ``knowledge.search``.
"""

from knowledge.selectors.call import (
    open_research_calls,
    research_call_get_for_detail,
    research_calls_for_list,
    research_calls_search,
)
from knowledge.selectors.event import (
    event_get,
    event_get_for_detail,
    events_for_calendar_feed,
    events_for_country,
    events_for_list,
    events_for_organisation,
    events_for_theme,
    events_search,
    registration_from_cancel_token,
    registrations_for_export,
    seats_left,
    upcoming_events,
)
from knowledge.selectors.publication import (
    figures,
    latest_publications,
    publication_get,
    publication_get_for_detail,
    publications_for_country,
    publications_for_organisation,
    publications_for_theme,
    published_authors,
    related_publications,
    work_sharing_themes_and_countries,
)

__all__ = [
    "event_get",
    "event_get_for_detail",
    "events_for_calendar_feed",
    "events_for_country",
    "events_for_organisation",
    "events_for_theme",
    "events_for_list",
    "events_search",
    "figures",
    "latest_publications",
    "open_research_calls",
    "publication_get",
    "publication_get_for_detail",
    "publications_for_country",
    "publications_for_organisation",
    "publications_for_theme",
    "published_authors",
    "registration_from_cancel_token",
    "registrations_for_export",
    "related_publications",
    "research_call_get_for_detail",
    "research_calls_for_list",
    "research_calls_search",
    "seats_left",
    "upcoming_events",
    "work_sharing_themes_and_countries",
]
