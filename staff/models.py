"""Recovery codes: a django-otp device whose one-time codes are stored hashed.

django-otp's own static-token plugin keeps codes in clear text. OWASP ASVS 2.6.2
asks for lookup secrets either with 112 bits of entropy or salted and hashed with
an approved one-way function, so each code here is stored as SHA-256 over a random
per-code salt, and is spent (marked used) the first time it verifies.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from axes.models import AccessAttempt
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, ThrottlingMixin, TimestampMixin
from django_otp.plugins.otp_totp.models import TOTPDevice

# Lower-case letters and digits without look-alikes (0/o, 1/l/i).
CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
CODE_LENGTH = 12  # about 59 bits, hashed with a 128-bit salt


def normalise_code(raw: str) -> str:
    """What the person typed, without spaces, dashes and case."""
    return "".join(ch for ch in raw.lower() if ch.isalnum())


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def format_code(code: str) -> str:
    """Groups of four, easier to copy by hand: abcd-efgh-jkmn."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def hash_code(code: str, salt: str) -> str:
    return hashlib.sha256(f"{salt}:{normalise_code(code)}".encode()).hexdigest()


class RecoveryCodeDevice(TimestampMixin, ThrottlingMixin, Device):
    """A set of one-time recovery codes, used when the authenticator app is not at hand."""

    class Meta(Device.Meta):
        verbose_name = _("recovery codes")
        verbose_name_plural = _("recovery codes")

    def get_throttle_factor(self) -> int:
        return getattr(settings, "OTP_STATIC_THROTTLE_FACTOR", 1)

    def verify_token(self, token) -> bool:
        allowed, _info = self.verify_is_allowed()
        if not allowed:
            return False
        candidate = normalise_code(str(token))
        matched = None
        if len(candidate) == CODE_LENGTH:
            # Lock the unused codes so two requests cannot spend the same code.
            for code in self.codes.select_for_update().filter(used_at__isnull=True):
                if hmac.compare_digest(code.code_hash, hash_code(candidate, code.salt)):
                    matched = code
                    break
        if matched is None:
            self.throttle_increment(commit=True)
            return False
        matched.used_at = timezone.now()
        matched.save(update_fields=["used_at"])
        self.throttle_reset(commit=False)
        self.set_last_used_timestamp(commit=False)
        self.save()
        return True

    @property
    def remaining(self) -> int:
        return self.codes.filter(used_at__isnull=True).count()

    def __str__(self) -> str:
        # Not the stored device name: that is English, whatever the reader's language.
        return gettext("Recovery codes of %(user)s") % {"user": self.user}


class AuthenticatorApp(TOTPDevice):
    """django-otp's TOTP device as admin shows it, with names in the reader's language."""

    class Meta:
        proxy = True
        verbose_name = _("authenticator app")
        verbose_name_plural = _("authenticator apps")

    def __str__(self) -> str:
        return gettext("Authenticator app of %(user)s") % {"user": self.user}


class SignInLock(AccessAttempt):
    """django-axes' count of failed sign-ins for one username from one address, as admin
    shows it: names in the reader's language; deleting a row lifts the lock."""

    class Meta:
        proxy = True
        verbose_name = _("failed sign-ins")
        verbose_name_plural = _("failed sign-ins and locks")

    def __str__(self) -> str:
        return gettext("%(username)s from %(address)s") % {
            "username": self.username or "?",
            "address": self.ip_address or "?",
        }

    @property
    def is_locked(self) -> bool:
        return self.failures_since_start >= settings.AXES_FAILURE_LIMIT


class RecoveryCode(models.Model):
    device = models.ForeignKey(
        RecoveryCodeDevice,
        on_delete=models.CASCADE,
        related_name="codes",
        verbose_name=_("recovery codes"),
    )
    salt = models.CharField(_("salt"), max_length=32)
    code_hash = models.CharField(_("hash"), max_length=64)
    used_at = models.DateTimeField(_("used"), null=True, blank=True)

    class Meta:
        verbose_name = _("recovery code")
        verbose_name_plural = _("recovery codes")

    def __str__(self) -> str:
        return str(_("used")) if self.used_at else str(_("unused"))

    @classmethod
    def build(cls, *, device: RecoveryCodeDevice, code: str) -> RecoveryCode:
        salt = secrets.token_hex(16)
        return cls(device=device, salt=salt, code_hash=hash_code(code, salt))
