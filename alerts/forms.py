"""Public forms: follow a list by email, and ask for the link to manage an address's alerts."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout, Submit
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from alerts.models import Subscription, normalize_email
from core.forms import PublicFormMixin, public_form_layout_tail
from core.i18n import LANGUAGE_LABELS


class _HiddenTokenMixin:
    """A NUL byte in the hidden token would be an error nobody can see or fix: the mixin's
    clean_submission_token replaces a mangled token anyway, so skip the NUL check there."""

    def _relax_token(self):
        self.fields["submission_token"].validators = []


class SubscribeForm(_HiddenTokenMixin, PublicFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("We send a link to this address: the alert starts when you open it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Enter the email address the alerts should go to."),
            "invalid": _("Enter an email address like name@example.org."),
        },
    )
    language = forms.ChoiceField(
        label=_("Language of the emails"),
        help_text=_(
            "For this alert only: any other alerts of your address keep their own language."
        ),
        widget=forms.RadioSelect,
        choices=[(code, LANGUAGE_LABELS.get(code, name)) for code, name in settings.LANGUAGES],
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        widget=forms.RadioSelect,
        choices=Subscription.Frequency.choices,
        initial=Subscription.Frequency.WEEKLY,
        help_text=_("At most one email a day or a week, and only when something new matches."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._relax_token()
        self.helper = FormHelper()
        # The server checks everything and explains it in the page's language.
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            Field("email"),
            Field("language"),
            Field("frequency"),
            *public_form_layout_tail(),
            Submit("subscribe", _("Follow this list")),
        )

    def clean_email(self) -> str:
        return normalize_email(self.cleaned_data["email"])


class ManageLinkForm(_HiddenTokenMixin, PublicFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Enter the email address your alerts go to."),
            "invalid": _("Enter an email address like name@example.org."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._relax_token()
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            Field("email"),
            *public_form_layout_tail(),
            Submit("send", _("Send me the link")),
        )

    def clean_email(self) -> str:
        return normalize_email(self.cleaned_data["email"])
