"""What every public form shares: a honeypot and a once-only submission token."""

from __future__ import annotations

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _


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
        label=_("Leave this field empty"), required=False, max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    submission_token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    honeypot_field_names = ("website",)

    def __init__(self, *args, **kwargs):
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("submission_token", uuid.uuid4())
        super().__init__(*args, **kwargs)

    @property
    def caught_in_honeypot(self) -> bool:
        return bool(self.data.get("website", "").strip()) if self.is_bound else False

    def clean_submission_token(self):
        # A missing or forged token is replaced rather than refused: the person
        # still gets their submission saved, once.
        return self.cleaned_data.get("submission_token") or uuid.uuid4()

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, str):
                cleaned[name] = strip_control_characters(value).strip()
        return cleaned


def public_form_layout_tail():
    """The crispy layout pieces every public form ends with: honeypot and token."""
    from crispy_forms.layout import Div, Field

    return [Div(Field("website"), css_class="honeypot"), Field("submission_token")]
