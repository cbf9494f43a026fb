"""Filters by the reference data, shared by the public lists of several apps."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class CountryThemeFilterForm(forms.Form):
    """GET filters by partner country and theme, offering the countries and themes given.

    An unknown value is ignored rather than refused: the list is shown without that filter.
    """

    country = forms.ChoiceField(label=_("Country"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)

    def __init__(self, *args, countries=(), themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.countries = {country.slug: country for country in countries}
        self.themes = {theme.slug: theme for theme in themes}
        self.fields["country"].choices = [("", _("All countries"))] + [
            (slug, country.name) for slug, country in self.countries.items()
        ]
        self.fields["theme"].choices = [("", _("All themes"))] + [
            (slug, theme.name) for slug, theme in self.themes.items()
        ]

    def chosen(self, name: str):
        """The record chosen for ``country`` or ``theme``, or None (unbound, empty, unknown)."""
        if not self.is_bound:
            return None
        self.is_valid()
        value = getattr(self, "cleaned_data", {}).get(name) or ""
        return {"country": self.countries, "theme": self.themes}[name].get(value)
