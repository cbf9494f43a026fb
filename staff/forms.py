from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from staff import lockout


def _locked_error() -> ValidationError:
    minutes = max(1, settings.STAFF_LOGIN_LOCKOUT_SECONDS // 60)
    return ValidationError(
        ngettext(
            "Too many failed sign-in attempts. Sign-in is locked for %(minutes)d minute, "
            "even with the right password. Try again later, or ask an administrator to "
            "unlock it.",
            "Too many failed sign-in attempts. Sign-in is locked for %(minutes)d minutes, "
            "even with the right password. Try again later, or ask an administrator to "
            "unlock it.",
            minutes,
        ),
        code="locked",
        params={"minutes": minutes},
    )


def _too_many_attempts_error() -> ValidationError:
    return ValidationError(
        _(
            "Too many sign-in attempts from your network. Try again in an hour, or ask an "
            "administrator for help."
        ),
        code="rate_limited",
    )


class StaffAuthenticationForm(AdminAuthenticationForm):
    """The admin login, locked out after repeated failures (see staff.lockout)."""

    def clean(self):
        if not lockout.may_attempt(self.request):
            raise _too_many_attempts_error()
        try:
            return super().clean()
        except ValidationError:
            if lockout.is_locked_out(self.request):
                raise _locked_error() from None
            raise


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        strip=True,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        if any(ord(ch) < 32 or ord(ch) == 127 for ch in code):
            raise ValidationError(_("The code contains characters that cannot be part of it."))
        return code


class VerifyForm(CodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].label = _("Code from your authenticator app, or a recovery code")
        self.fields["code"].help_text = _(
            "Six digits from the app, or one of your twelve-character recovery codes."
        )


class EnrolForm(CodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].label = _("Six-digit code shown in the app")
        self.fields["code"].widget.attrs["inputmode"] = "numeric"
        self.fields["code"].widget.attrs.pop("autofocus", None)


class PersonalDataForm(forms.Form):
    """The address whose personal data staff export or erase (a request from that person)."""

    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("Every app and every email the portal has queued or sent are searched."),
    )
