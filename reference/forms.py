"""Filters by the reference data, shared by the public lists of several apps."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.search import clean_search


class CountryThemeFilterForm(forms.Form):
    """GET filters by partner country and theme, offering the countries and themes given.

    An unknown value is ignored rather than refused: the list is shown without that filter.
    """

    q = forms.CharField(label=_("Search"), required=False, widget=forms.SearchInput)
    country = forms.ChoiceField(label=_("Country"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)

    def __init__(self, *args, countries=(), themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.countries = {country.slug: country for country in countries}
        self.themes = {theme.slug: theme for theme in themes}
        # A NUL character in the search is cleaned away below rather than refused.
        self.fields["q"].validators = []
        self.fields["q"].widget.attrs["maxlength"] = 200
        self.fields["country"].choices = [("", _("All countries"))] + [
            (slug, country.name) for slug, country in self.countries.items()
        ]
        self.fields["theme"].choices = [("", _("All themes"))] + [
            (slug, theme.name) for slug, theme in self.themes.items()
        ]

    def clean_q(self) -> str:
        return clean_search(self.cleaned_data.get("q", ""))

    def search_text(self) -> str:
        """What the visitor searched for, cleaned (core.search), or ""."""
        if not self.is_bound:
            return ""
        self.is_valid()
        return getattr(self, "cleaned_data", {}).get("q") or ""

    def chosen(self, name: str):
        """The record chosen for ``country`` or ``theme``, or None (unbound, empty, unknown)."""
        if not self.is_bound:
            return None
        self.is_valid()
        value = getattr(self, "cleaned_data", {}).get(name) or ""
        return {"country": self.countries, "theme": self.themes}[name].get(value)
