"""The public partner seeker list's filters."""

from __future__ import annotations

from partnerships.selectors import SeekerFilters
from reference.forms import CountryThemeFilterForm


class SeekerFilterForm(CountryThemeFilterForm):
    """GET filters of the public seeker list; unusable values are ignored, never an error."""

    def filters(self) -> SeekerFilters:
        return SeekerFilters(
            country=self.chosen("country"), theme=self.chosen("theme"), q=self.search_text()
        )
