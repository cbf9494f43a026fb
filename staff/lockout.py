"""Admin sign-in lockout, by django-axes (docs/decisions/0003-security-state.md).

Axes counts failed sign-ins in PostgreSQL (its ``AccessAttempt`` rows), never in a cache, so
no traffic can evict a lock and every app server sees it. A lock covers one username *from one
client address*: someone who knows a username can lock only themselves out, not its owner.
While locked, the right password is refused. Password spraying from one address (many
usernames) meets the per-address attempt limit in ``StaffAuthenticationForm``.

The person is emailed once when their account is locked; an administrator lifts a lock in admin
(Access attempts: delete the row) or with ``manage.py unlock_staff_login``.
"""

from __future__ import annotations

import ipaddress
import logging

from axes.signals import user_locked_out
from axes.utils import reset
from django.conf import settings
from django.contrib.auth import get_user_model
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone

from core import ratelimit
from core.outbox import outbox_enqueue

logger = logging.getLogger("staff.security")


def username_of(request, credentials) -> str:
    """One lock for ``Anna``, ``anna`` and `` ANNA ``: the username as the person means it."""
    source = credentials if credentials else getattr(request, "POST", {})
    username = (source or {}).get("username") or ""
    return username.strip().casefold()


def client_ip(request) -> str | None:
    """The client's address as axes stores it, or None where there is none (a test's login)."""
    address = ratelimit.client_address(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def is_locked_out(request) -> bool:
    """Set by axes on the request when this sign-in was refused by, or has caused, a lock."""
    return bool(getattr(request, "axes_locked_out", False))


def locked_out_response(request, original_response, credentials):
    """The login page already says it is locked (the form raised that error); keep it."""
    return original_response


def may_attempt(request) -> bool:
    """Count one sign-in attempt from the client's address; False once it has made too many."""
    allowed, _reset_in = ratelimit.hit(
        request,
        scope="staff-sign-in",
        limit=settings.STAFF_LOGIN_ATTEMPTS_PER_ADDRESS,
        period=3600,
    )
    return allowed


def clear(*, username: str | None = None, address: str | None = None) -> int:
    """Lift a lock early; return how many attempt records went."""
    if username:
        username = username.strip().casefold()
    if username and address:
        return reset(username=username, ip=address)
    return reset(username=username) if username else reset(ip=address)


@receiver(user_locked_out)
def _tell_the_person(sender, request, username, ip_address, **kwargs):
    """Email the account's owner, once per lock, so a lock they did not cause is noticed."""
    logger.warning("Admin sign-in locked out for a username from one address")
    user = (
        get_user_model()
        .objects.filter(username__iexact=username, is_active=True, is_staff=True)
        .exclude(email="")
        .first()
    )
    if user is None:
        return
    once = ratelimit.count("staff-lock-mail", username, period=settings.STAFF_LOGIN_LOCKOUT_SECONDS)
    if once.count > 1:
        return
    context = {
        "username": user.get_username(),
        "address": ip_address,
        "at": timezone.localtime(),
        "minutes": max(1, settings.STAFF_LOGIN_LOCKOUT_SECONDS // 60),
        "limit": settings.STAFF_LOGIN_FAILURE_LIMIT,
        "admin_url": settings.ICLD_SITE_URL + reverse("admin:index"),
        "security_email": settings.ICLD_SECURITY_EMAIL,
    }
    # Staff have no language of their own on record: the message is in Swedish, then English.
    outbox_enqueue(
        to=[user.email],
        template="staff/emails/locked_out",
        context=context,
        language="sv",
        reply_to=settings.ICLD_SECURITY_EMAIL,
    )
