"""What every public form shares: a honeypot and a once-only submission token."""

from __future__ import annotations

import uuid

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout, Submit
from django import forms
from django.conf import settings
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from core.models import AccessibilityReport


def strip_control_characters(value: str) -> str:
    """Remove control characters (other than newlines and tabs) that no person types."""
    return "".join(ch for ch in value if ch in "\n\t" or (ord(ch) >= 32 and ord(ch) != 127))


class PublicFormMixin(forms.Form):
    """Mix into every form the public can post.

    * ``website`` is a honeypot: hidden from people, filled in by bots. A filled
      honeypot is not an error (that would teach the bot); the view shows the
      usual confirmation and saves nothing.
    * ``submission_token`` is issued with the empty form; the service saves one
      record per token, so a double click or a resent POST never saves twice.
    """

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    submission_token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    honeypot_field_names = ("website",)

    def __init__(self, *args, **kwargs):
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("submission_token", uuid.uuid4())
        super().__init__(*args, **kwargs)
        # Nobody can see or fix the hidden token: it is never an error (a bad one is replaced).
        self.fields["submission_token"].validators = []

    @property
    def caught_in_honeypot(self) -> bool:
        return bool(self.data.get("website", "").strip()) if self.is_bound else False

    def clean_submission_token(self) -> uuid.UUID:
        # A missing or mangled token is replaced rather than refused: the person
        # still gets their submission saved, once.
        try:
            return uuid.UUID(self.cleaned_data.get("submission_token") or "")
        except ValueError:
            return uuid.uuid4()

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, str):
                cleaned[name] = strip_control_characters(value).strip()
        return cleaned


def public_form_layout_tail():
    """The crispy layout pieces every public form ends with: honeypot and token."""
    return [Div(Field("website"), css_class="honeypot"), Field("submission_token")]


class AccessibilityReportForm(PublicFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("What do you need?"),
        choices=AccessibilityReport.Kind.choices,
        widget=forms.RadioSelect,
        initial=AccessibilityReport.Kind.BARRIER,
    )
    # Set by the link beside a team's document (?team=knowledge); not shown.
    team = forms.CharField(required=False, max_length=20, widget=forms.HiddenInput)
    page_url = forms.CharField(
        label=_("Which page or document?"),
        required=False,
        max_length=500,
        help_text=_("The address or the title, if it is about a particular page or document."),
    )
    description = forms.CharField(
        label=_("Describe the problem or what you need"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    name = forms.CharField(
        label=_("Your name"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("We only use it to answer you."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=_("I agree that ICLD stores what I have written here to handle my request."),
        error_messages={"required": _("We need your agreement to handle your request.")},
    )

    def clean_team(self) -> str:
        # Only a team ICLD has; a link tampered with goes to the accessibility contact alone.
        team = self.cleaned_data["team"]
        return team if team in settings.ICLD_TEAM_EMAILS else ""

    @cached_property
    def helper(self) -> FormHelper:
        """How the form is drawn; built only when it is (a valid POST never needs it)."""
        helper = FormHelper()
        # The server checks everything and explains it in the page's language; the
        # browser's own pop-ups would be in the browser's language and vanish on screen readers.
        helper.attrs = {"novalidate": ""}
        helper.layout = Layout(
            Field("team"),
            Field("kind"),
            Field("page_url"),
            Field("description"),
            Field("name"),
            Field("email"),
            Field("consent"),
            *public_form_layout_tail(),
            Submit("send", _("Send")),
        )
        return helper
