"""The programme list's filters."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from reference.forms import CountryThemeFilterForm


class ProgrammeFilterForm(CountryThemeFilterForm):
    """GET filters. Unknown values are ignored (the list is shown unfiltered by them)."""

    country = forms.ChoiceField(label=_("Participants from"), required=False)
    open = forms.BooleanField(label=_("Only programmes open for applications"), required=False)

    def filters(self) -> dict:
        """The valid filters only: a bad value for one never hides the others' effect."""
        filters = {
            "country": self.chosen("country"),
            "theme": self.chosen("theme"),
            "q": self.search_text(),
        }
        if self.is_bound and self.cleaned_data.get("open"):
            filters["open_only"] = True
        return {name: value for name, value in filters.items() if value}
