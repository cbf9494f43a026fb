"""The public form for offering to host a study visit, and the periods when hosting is possible."""

from __future__ import annotations

import re
from datetime import date

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Field, Fieldset, Layout, Submit
from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.forms import PublicFormMixin, public_form_layout_tail, strip_control_characters
from programmes.models import HostingKind, HostingOffer, Programme, WorkingLanguage, today
from reference.models import Organisation, Theme

MAX_PERIODS = 10
# How far ahead an offer may reach: ICLD plans intakes about two years in advance.
LATEST_PERIOD_YEARS = 3

_SWEDISH_ORDER = str.maketrans({"å": "z{", "ä": "z|", "ö": "z}", "é": "e", "ü": "y"})


def swedish_sort_key(text: str) -> str:
    """Sort as a Swedish reader expects: … x, y, z, å, ä, ö."""
    return text.lower().translate(_SWEDISH_ORDER)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class HostingPeriodForm(forms.Form):
    starts_on = forms.DateField(label=_("From"), widget=DateInput)
    ends_on = forms.DateField(label=_("To"), widget=DateInput)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("starts_on"), cleaned.get("ends_on")
        now = today()  # in Sweden: the day ends at midnight Stockholm time, not UTC
        if start and start <= now:
            self.add_error("starts_on", _("The period must start after today."))
        latest = date(now.year + LATEST_PERIOD_YEARS, now.month, min(now.day, 28))
        if end and end > latest:
            self.add_error(
                "ends_on",
                _("We plan up to three years ahead: choose a date before %(date)s.")
                % {"date": latest.isoformat()},
            )
        if start and end and end < start:
            self.add_error("ends_on", _("The end date cannot be before the start date."))
        return cleaned


class BasePeriodFormSet(forms.BaseFormSet):
    """Periods when hosting is possible; the first is required, more can be added.

    Every row after the first may be left empty (it is then ignored), so adding a row never
    creates an error by itself. Rows are never "initial" rows: the management form always says
    INITIAL_FORMS=0, even when the form is shown again with the visitor's periods in it.
    """

    # Django's own "Please submit at least 1 form." means nothing to a visitor.
    default_error_messages = {
        **forms.BaseFormSet.default_error_messages,
        "too_few_forms": _("Give at least one period when you can host."),
    }

    def initial_form_count(self):
        return 0

    def total_form_count(self):
        if self.is_bound:
            return super().total_form_count()
        return min(max(len(self.initial or ()), self.min_num) + self.extra, self.absolute_max)

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        periods = sorted(self.periods())
        for (_start, end), (next_start, _next_end) in zip(periods, periods[1:], strict=False):
            if next_start <= end:
                raise forms.ValidationError(
                    _("Two of your periods overlap: please combine them into one."),
                    code="overlap",
                )

    def periods(self) -> list[tuple[date, date]]:
        return [
            (form.cleaned_data["starts_on"], form.cleaned_data["ends_on"])
            for form in self.forms
            if getattr(form, "cleaned_data", None) and form.cleaned_data.get("starts_on")
        ]


PeriodFormSet = forms.formset_factory(
    HostingPeriodForm,
    formset=BasePeriodFormSet,
    extra=0,
    min_num=1,
    validate_min=True,
    max_num=MAX_PERIODS,
    validate_max=True,
    absolute_max=MAX_PERIODS,
)
PERIODS_PREFIX = "periods"


PHONE_PATTERN = re.compile(r"^\+?[0-9 ()/\-]+$")


def organisation_choices() -> tuple[list, dict[str, Organisation]]:
    """Swedish municipalities and regions grouped by county: one query."""
    organisations = Organisation.objects.filter(
        kind__in=[Organisation.Kind.MUNICIPALITY, Organisation.Kind.REGION]
    ).select_related("county")
    by_county: dict[str, list[Organisation]] = {}
    lookup: dict[str, Organisation] = {}
    for organisation in organisations:
        county = organisation.county.name if organisation.county else ""
        by_county.setdefault(county, []).append(organisation)
        lookup[str(organisation.pk)] = organisation
    groups = []
    for county in sorted(by_county, key=swedish_sort_key):
        members = sorted(
            by_county[county],
            key=lambda o: (o.kind != Organisation.Kind.REGION, swedish_sort_key(o.short_name)),
        )
        groups.append((county, [(str(o.pk), o.name) for o in members]))
    return [("", _("Choose your municipality or region"))] + groups, lookup


def _only_required(errors) -> bool:
    return all(error.code == "required" for error in errors.as_data())


class HostingOfferForm(PublicFormMixin, forms.Form):
    organisation = forms.ChoiceField(label=_("Municipality or region"))
    contact_name = forms.CharField(
        label=_("Contact person"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_role = forms.CharField(
        label=_("Role or department"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=30,
        help_text=_("For example 0498-29 91 80 or +46 498 29 91 80."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    hosting_kinds = forms.MultipleChoiceField(
        label=_("What can you host?"),
        choices=HostingKind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "A group study visit: the whole group of about 25 visits you for a few hours "
            "to a day. A two-day placement: a team of 2–4 participants follows colleagues "
            "who do similar work."
        ),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Areas of expertise"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        # Said before any error: the group is required unless the box below is filled in.
        help_text=_("Choose at least one area, or describe your expertise in the box below."),
    )
    expertise = forms.CharField(
        label=_("Other expertise or services you would like to show"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    programmes = forms.ModelMultipleChoiceField(
        label=_("Programmes you are interested in (optional)"),
        queryset=Programme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    capacity = forms.IntegerField(
        label=_("How many visitors can you receive at the same time?"),
        min_value=1,
        max_value=200,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages your hosts can work in"),
        choices=WorkingLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Most programmes work in English. ICLD can arrange interpreting."),
    )
    accessibility = forms.ChoiceField(
        label=_("Accessibility of your premises"),
        choices=HostingOffer.Accessibility.choices,
        widget=forms.RadioSelect,
    )
    accessibility_notes = forms.CharField(
        label=_("About accessibility (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    message = forms.CharField(
        label=_("Message (optional)"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    may_be_listed = forms.BooleanField(
        label=_("After a visit, ICLD may name us on the “Our hosts” page"),
        required=False,
    )
    consent = forms.BooleanField(
        label=_("I agree that ICLD stores these details and uses them to plan study visits"),
        error_messages={"required": _("We need your consent to store and use the details.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices, self._organisations = organisation_choices()
        self.fields["organisation"].choices = choices
        self.fields["themes"].queryset = Theme.objects.all()
        self.fields["programmes"].queryset = Programme.objects.published()
        self.fields["consent"].help_text = format_html(
            _('Read how we handle personal data in our <a href="{}">privacy notice</a>.'),
            reverse("core:privacy"),
        )
        self.periods = PeriodFormSet(
            data=self.data if self.is_bound else None,
            initial=kwargs.get("initial", {}).get("periods"),
            prefix=PERIODS_PREFIX,
        )
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Fieldset(
                _("Your organisation"),
                "organisation",
                "contact_name",
                "contact_role",
                "email",
                "phone",
            ),
            Fieldset(
                _("What you can offer"),
                "hosting_kinds",
                "themes",
                "expertise",
                "programmes",
                "capacity",
                "languages",
                "accessibility",
                "accessibility_notes",
            ),
            HTML('{% include "programmes/includes/_periods.html" %}'),
            Fieldset(_("Anything else"), "message", Field("may_be_listed"), Field("consent")),
            *public_form_layout_tail(),
            Submit("send", _("Send the offer")),
        )

    def clean_organisation(self) -> Organisation:
        # The value is one of the choices (ChoiceField checked it), so the lookup cannot fail.
        return self._organisations[self.cleaned_data["organisation"]]

    def clean_contact_name(self) -> str:
        # A name made only of control characters would be empty once they are removed.
        name = strip_control_characters(self.cleaned_data["contact_name"]).strip()
        if not name:
            raise forms.ValidationError(
                self.fields["contact_name"].error_messages["required"], code="required"
            )
        return name

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        digits = sum(ch.isdigit() for ch in phone)
        if not PHONE_PATTERN.match(phone) or not 6 <= digits <= 15:
            raise forms.ValidationError(
                _("Enter a phone number with 6 to 15 digits, for example 0498-29 91 80.")
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        no_expertise = not cleaned.get("themes") and not cleaned.get("expertise")
        if no_expertise and "themes" not in self.errors:
            self.add_error(
                "themes",
                _("No area is chosen: choose at least one, or describe your expertise below."),
            )
        return cleaned

    def is_valid(self) -> bool:
        # Both, always: the periods' errors are shown with the others in one pass.
        own = super().is_valid()
        periods = self.periods.is_valid()
        if self.no_period_given and self.periods.forms:
            # One message says it ("Give at least one period…"), not "required" twice more.
            first = self.periods.forms[0]
            for name in [n for n, e in first.errors.items() if _only_required(e)]:
                del first.errors[name]
        return periods and own

    @property
    def no_period_given(self) -> bool:
        return self.is_bound and any(
            e.code == "too_few_forms" for e in self.periods.non_form_errors().as_data()
        )

    @property
    def has_errors(self) -> bool:
        return bool(self.errors) or bool(self.period_errors())

    def period_errors(self) -> list[dict]:
        """The periods' errors for the error summary, once each, each linked to its input.

        When no period is given at all, one message says so instead of "required" twice.
        """
        if not self.is_bound or self.periods.is_valid():
            return []
        first_input = f"id_{PERIODS_PREFIX}-0-starts_on"
        too_few = any(e.code == "too_few_forms" for e in self.periods.non_form_errors().as_data())
        found = []
        for number, period_form in enumerate(self.periods.forms, start=1):
            for name, errors in period_form.errors.items():
                if too_few and number == 1 and all(e.code == "required" for e in errors.as_data()):
                    continue
                field = period_form.fields.get(name)
                for error in errors:
                    found.append(
                        {
                            "message": _("Period %(number)d, %(field)s: %(error)s")
                            % {
                                "number": number,
                                "field": str(field.label).lower() if field else "",
                                "error": error,
                            },
                            "anchor": period_form[name].auto_id if field else first_input,
                        }
                    )
        for error in self.periods.non_form_errors():
            found.append({"message": error, "anchor": first_input})
        return found

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "submission_token": data["submission_token"],
            "organisation": data["organisation"],
            "contact_name": data["contact_name"],
            "contact_role": data.get("contact_role", ""),
            "email": data["email"],
            "phone": data["phone"],
            "hosting_kinds": data["hosting_kinds"],
            "themes": data.get("themes") or [],
            "expertise": data.get("expertise", ""),
            "programmes": data.get("programmes") or [],
            "capacity": data["capacity"],
            "languages": data["languages"],
            "accessibility": data["accessibility"],
            "accessibility_notes": data.get("accessibility_notes", ""),
            "message": data.get("message", ""),
            "may_be_listed": bool(data.get("may_be_listed")),
            "periods": self.periods.periods(),
        }

    # --- "Add another period" without JavaScript ---------------------------------------------

    @classmethod
    def rebuilt_from(cls, data, *, add: bool = False, remove: int | None = None):
        """An unbound form showing what was typed, with one period more or one fewer.

        Used when the visitor presses "Add another period" or "Remove": nothing is validated
        yet, so no error is shown, and nothing typed is lost (the submission token included).
        """
        probe = cls()
        initial = {}
        for name, field in probe.fields.items():
            if name == "website":
                continue
            value = field.widget.value_from_datadict(data, {}, name)
            if value not in (None, "", []):
                initial[name] = value
        try:
            total = int(data.get(f"{PERIODS_PREFIX}-TOTAL_FORMS", 1))
        except (TypeError, ValueError):
            total = 1
        total = max(1, min(total, MAX_PERIODS))
        periods = [
            {
                "starts_on": data.get(f"{PERIODS_PREFIX}-{i}-starts_on", ""),
                "ends_on": data.get(f"{PERIODS_PREFIX}-{i}-ends_on", ""),
            }
            for i in range(total)
            if i != remove
        ] or [{}]
        if add and len(periods) < MAX_PERIODS:
            periods.append({})
        initial["periods"] = periods
        return cls(initial=initial)
