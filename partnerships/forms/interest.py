"""The public interest registration form."""

from __future__ import annotations

import re

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Fieldset, Layout, Submit
from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.forms import PublicFormMixin, public_form_layout_tail, strip_control_characters
from core.i18n import LANGUAGE_LABELS, active_language
from partnerships.selectors import seeker_get_public, seekers_for_form
from reference.models import Country, Organisation, Theme

PHONE_PATTERN = re.compile(r"^\+?[0-9 ()/\-]+$")
_SWEDISH_ORDER = str.maketrans({"å": "z{", "ä": "z|", "ö": "z}", "é": "e", "ü": "y"})


def swedish_sort_key(text: str) -> str:
    """Sort as a Swedish reader expects: … x, y, z, å, ä, ö."""
    return text.lower().translate(_SWEDISH_ORDER)


def organisation_choices() -> tuple[list, dict[str, Organisation]]:
    """Swedish municipalities, regions and federations grouped by county: one query."""
    organisations = Organisation.objects.swedish().select_related("county")
    by_county: dict[str, list[Organisation]] = {}
    lookup: dict[str, Organisation] = {}
    for organisation in organisations:
        county = organisation.county.name if organisation.county else str(_("Other"))
        by_county.setdefault(county, []).append(organisation)
        lookup[str(organisation.pk)] = organisation
    kind_order = {Organisation.Kind.REGION: 0, Organisation.Kind.MUNICIPALITY: 1}
    groups = []
    for county in sorted(by_county, key=swedish_sort_key):
        members = sorted(
            by_county[county],
            key=lambda o: (kind_order.get(o.kind, 2), swedish_sort_key(o.short_name)),
        )
        groups.append((county, [(str(o.pk), o.name) for o in members]))
    return [("", _("Choose your municipality, region or federation"))] + groups, lookup


class InterestRegistrationForm(PublicFormMixin, forms.Form):
    organisation = forms.ChoiceField(
        label=_("Municipality, region or municipal federation"),
        help_text=_("Type a few letters to search, or choose from the list grouped by county."),
        error_messages={
            "required": _("Choose your municipality, region or federation."),
            "invalid_choice": _("Choose an organisation from the list."),
        },
    )
    contact_name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Enter your name.")},
    )
    role = forms.CharField(
        label=_("Role or title"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
        error_messages={"required": _("Enter your role or title.")},
    )
    email = forms.EmailField(
        label=_("Work email"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "work email"}),
        error_messages={
            "required": _("Enter your work email address."),
            "invalid": _("Enter an email address like name@kommun.se."),
        },
    )
    phone = forms.CharField(
        label=_("Phone (optional)"),
        max_length=30,
        required=False,
        help_text=_("For example 0512-310 00 or +46 512 310 00."),
        widget=forms.TextInput(attrs={"autocomplete": "work tel", "type": "tel"}),
    )
    seeker = forms.ChoiceField(
        label=_("Partner seeker you are interested in (optional)"),
        required=False,
        error_messages={
            "invalid_choice": _(
                "That partner seeker is no longer available: "
                "choose another or leave the field empty."
            )
        },
    )
    countries = forms.MultipleChoiceField(
        label=_("Partner countries of interest"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose countries from the list.")},
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes of interest"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose themes from the list.")},
    )
    message = forms.CharField(
        label=_("Message (optional)"),
        max_length=5000,
        required=False,
        help_text=_(
            "What would you like to work on, and what do you already have in place, "
            "such as political backing?"
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    language = forms.ChoiceField(
        label=_("Language for our replies"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the language for our replies.")},
    )
    consent = forms.BooleanField(
        label=_("I agree that ICLD stores these details to follow up my interest"),
        error_messages={"required": _("We need your consent to store the details.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("language", active_language())
        super().__init__(*args, **kwargs)
        choices, self._organisations = organisation_choices()
        self.fields["organisation"].choices = choices
        self._countries = {c.code: c for c in Country.objects.current_partners().order_by_name()}
        self._themes = {t.slug: t for t in Theme.objects.all()}
        self._seekers = {s.slug: s for s in seekers_for_form()}
        for seeker in self._seekers.values():
            self._countries.setdefault(seeker.country.code, seeker.country)
        self.fields["countries"].choices = [(code, c.name) for code, c in self._countries.items()]
        self.fields["themes"].choices = [(slug, t.name) for slug, t in self._themes.items()]
        self.fields["seeker"].choices = [("", _("None in particular"))] + [
            (slug, f"{seeker.public_name()} – {seeker.country.name}")
            for slug, seeker in self._seekers.items()
        ]
        self.fields["language"].choices = [
            (code, LANGUAGE_LABELS[code]) for code, _name in settings.LANGUAGES
        ]
        self.fields["consent"].help_text = format_html(
            _(
                "We keep your name, role, email, phone and message to answer you and to find a "
                "partner for your organisation. Only ICLD's partnership team sees them. We remove "
                "them 24 months after your registration is closed; you can ask us to remove them "
                'earlier. Read more in our <a href="{}">privacy notice</a>.'
            ),
            reverse("core:privacy"),
        )
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}
        self.helper.form_class = "registration-form"
        self.helper.layout = Layout(
            Fieldset(
                _("Your organisation"),
                Field("organisation", css_class="js-combobox"),
                "contact_name",
                "role",
                "email",
                "phone",
            ),
            Fieldset(_("Your interest"), "seeker", "countries", "themes", "message"),
            Fieldset(_("Replies and consent"), "language", "consent"),
            *public_form_layout_tail(),
            Submit("send", _("Register interest")),
        )

    def clean_organisation(self) -> Organisation:
        # ChoiceField checked the value is one of the choices, so the lookup cannot fail.
        return self._organisations[self.cleaned_data["organisation"]]

    def _clean_text(self, name: str) -> str:
        # A value made only of control characters is empty once they are removed.
        value = strip_control_characters(self.cleaned_data[name]).strip()
        if not value:
            raise forms.ValidationError(
                self.fields[name].error_messages["required"], code="required"
            )
        return value

    def clean_contact_name(self) -> str:
        return self._clean_text("contact_name")

    def clean_role(self) -> str:
        return self._clean_text("role")

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        if not phone:
            return ""
        digits = sum(ch.isdigit() for ch in phone)
        if not PHONE_PATTERN.match(phone) or not 6 <= digits <= 15:
            raise forms.ValidationError(
                _("Enter a phone number with 6 to 15 digits, for example 0512-310 00.")
            )
        return phone

    def clean_countries(self) -> list[Country]:
        return [self._countries[code] for code in self.cleaned_data["countries"]]

    def clean_themes(self) -> list[Theme]:
        return [self._themes[slug] for slug in self.cleaned_data["themes"]]

    def clean_seeker(self):
        return self._seekers.get(self.cleaned_data["seeker"])

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "submission_token": data["submission_token"],
            "organisation": data["organisation"],
            "contact_name": data["contact_name"],
            "role": data["role"],
            "email": data["email"],
            "phone": data.get("phone", ""),
            "countries": data.get("countries") or [],
            "themes": data.get("themes") or [],
            "seeker": data.get("seeker"),
            "message": data.get("message", ""),
            "language": data["language"],
        }

    @classmethod
    def initial_for_seeker(cls, slug: str) -> dict:
        """Pre-select a seeker (from its "we are interested" link), its country and themes."""
        seeker = seeker_get_public(slug)
        if seeker is None or not seeker.consent_contact:
            return {}
        return {
            "seeker": seeker.slug,
            "countries": [seeker.country.code],
            "themes": [theme.slug for theme in seeker.themes.all()],
        }
