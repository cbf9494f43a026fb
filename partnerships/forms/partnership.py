"""The partnership list's search and filter form (GET: every result has its own URL)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.search import clean_search
from partnerships.models import Partnership
from partnerships.models.partnership import FIRST_YEAR, LAST_YEAR
from partnerships.selectors import SORTS, PartnershipFilters, with_search_resolved
from reference.models import Country, County, Organisation, Theme


class PartnershipFilterForm(forms.Form):
    """Lenient by design: a value it cannot use is ignored, never an error page.

    The template draws the choices itself, from the facet counts, so the model choice
    fields here only check a submitted value (one query each, and only when given).
    """

    q = forms.CharField(label=_("Search"), required=False)
    country = forms.ModelChoiceField(
        Country.objects.partners(), to_field_name="slug", required=False, label=_("Partner country")
    )
    organisation = forms.ModelChoiceField(
        Organisation.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Swedish organisation"),
    )
    county = forms.ModelChoiceField(County.objects.all(), required=False, label=_("County"))
    theme = forms.ModelChoiceField(
        Theme.objects.all(), to_field_name="slug", required=False, label=_("Theme")
    )
    phase = forms.ChoiceField(
        choices=[("", "")] + Partnership.Phase.choices, required=False, label=_("Phase")
    )
    status = forms.ChoiceField(
        choices=[("", "")] + Partnership.Status.choices, required=False, label=_("Status")
    )
    year = forms.IntegerField(
        min_value=FIRST_YEAR, max_value=LAST_YEAR, required=False, label=_("Active in year")
    )
    sort = forms.ChoiceField(choices=list(SORTS.items()), required=False, label=_("Sort by"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A NUL character in the search is stripped below rather than refused.
        self.fields["q"].validators = []

    def clean_q(self) -> str:
        return clean_search(self.cleaned_data.get("q", ""))

    def to_filters(self, *, resolve_search: bool = True) -> PartnershipFilters:
        """The filters from every valid field; invalid fields are left out. The search's
        "every word or any" is decided here unless ``resolve_search`` is false (the list
        decides it with its facet counts)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        filters = PartnershipFilters(
            q=data.get("q") or "",
            country=data.get("country"),
            organisation=data.get("organisation"),
            county=data.get("county"),
            theme=data.get("theme"),
            phase=data.get("phase") or "",
            status=data.get("status") or "",
            year=data.get("year"),
            sort=data.get("sort") or "",
        )
        return with_search_resolved(filters) if resolve_search else filters

    @property
    def ignored_fields(self) -> list[str]:
        """Labels of the fields whose value could not be used (shown as a notice)."""
        return [str(self.fields[name].label) for name in self.errors if name in self.fields]
