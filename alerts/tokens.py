"""Signed links (django.core.signing): confirm an alert, unsubscribe, manage an address.

* confirm: names one subscription; valid for a week (unconfirmed alerts are deleted then).
* unsubscribe: names an address and the alerts an email was about; never expires, because
  it is in every email and mail clients post to it (RFC 8058).
* manage: names an address; valid for 30 days, and every digest carries a fresh one.
"""

from __future__ import annotations

import re
from datetime import timedelta

from django.core import signing

from alerts.models import CONFIRM_WITHIN, normalize_email

CONFIRM_SALT = "alerts.confirm"
UNSUBSCRIBE_SALT = "alerts.unsubscribe"
MANAGE_SALT = "alerts.manage"
MANAGE_VALID_FOR = timedelta(days=30)


def confirm_token(subscription) -> str:
    return signing.dumps(
        {"s": subscription.pk, "t": subscription.submission_token.hex[:12]}, salt=CONFIRM_SALT
    )


def read_confirm_token(token: str) -> tuple[int, str] | None:
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_WITHIN)
        return int(data["s"]), str(data["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def unsubscribe_token(email: str, ids: list[int]) -> str:
    return signing.dumps({"e": normalize_email(email), "s": sorted(ids)}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> tuple[str, list[int]] | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        return str(data["e"]), [int(pk) for pk in data["s"]]
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


UNSUBSCRIBE_KEY = re.compile(r"^[A-Za-z0-9_-]{20,32}$")


def is_unsubscribe_key(token: str) -> bool:
    """A short random key (models.new_unsubscribe_key) rather than a signed value."""
    return bool(UNSUBSCRIBE_KEY.match(token))


def manage_token(email: str) -> str:
    return signing.dumps({"e": normalize_email(email)}, salt=MANAGE_SALT)


def read_manage_token(token: str) -> str | None:
    try:
        return str(signing.loads(token, salt=MANAGE_SALT, max_age=MANAGE_VALID_FOR)["e"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
