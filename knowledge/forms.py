"""Forms the public fills in: seminar registration."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import PublicFormMixin, public_form_layout_tail, strip_control_characters


class RegistrationForm(PublicFormMixin, forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Enter your name.")},
    )
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("We send your confirmation and the link to cancel here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.org."),
        },
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    needs = forms.CharField(
        label=_("Dietary or accessibility needs"),
        max_length=1000,
        required=False,
        help_text=_("Optional. Tell us what you need to take part on equal terms."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that ICLD keeps my details to organise this event and deletes them "
            "within six months after it."
        ),
        error_messages={"required": _("You must agree so that we can register you.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = True
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            Field("name"),
            Field("email"),
            Field("organisation"),
            Field("needs"),
            Field("consent"),
            *public_form_layout_tail(),
            Submit("submit", _("Sign up")),
        )

    def clean_name(self):
        name = " ".join(strip_control_characters(self.cleaned_data["name"]).split())
        if not name:
            raise forms.ValidationError(_("Enter your name."))
        return name

    def clean_email(self):
        return self.cleaned_data["email"].strip()
