"""Writes of the staff app: groups and permissions, second-factor devices."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_permission_codename
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import AbstractBaseUser, Group, Permission
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import Model
from django_otp import devices_for_user
from django_otp import verify_token as otp_verify_token
from django_otp.models import Device
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff import conf
from staff.models import (
    CODE_LENGTH,
    RecoveryCode,
    RecoveryCodeDevice,
    format_code,
    new_code,
    normalise_code,
)
from staff.roles import ALL_PERMISSIONS_GROUP, Grant, group_grants

logger = logging.getLogger("staff.security")

# --- Groups and permissions ---------------------------------------------------


def _models_for(target: str) -> list[type[Model]]:
    """The models a grant names (a label that names none raises LookupError)."""
    if "." in target:
        return [apps.get_model(target)]
    return list(apps.get_app_config(target).get_models())


def _permissions_for(grant: Grant, index: dict[tuple[str, str], Permission]) -> set[Permission]:
    found = set()
    for model in _models_for(grant.target):
        for action in grant.actions:
            key = (model._meta.app_label, get_permission_codename(action, model._meta))
            if key in index:
                found.add(index[key])
    return found


@transaction.atomic
def staff_groups_sync(*, using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """(Re)create the staff groups and set their permissions from staff.roles.

    Returns the number of permissions each group now has.
    """
    if Permission._meta.db_table not in connections[using].introspection.table_names():
        return {}  # auth is not migrated yet
    # Permissions of every installed app, also those migrated after this app's signal.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    every = list(Permission.objects.using(using).select_related("content_type"))
    index = {(perm.content_type.app_label, perm.codename): perm for perm in every}

    result = {}
    for name, grants in group_grants().items():
        wanted: set[Permission] = set()
        for grant in grants:
            wanted |= _permissions_for(grant, index)
        group, _created = Group.objects.using(using).get_or_create(name=name)
        group.permissions.set(wanted)
        result[name] = len(wanted)
    admins, _created = Group.objects.using(using).get_or_create(name=ALL_PERMISSIONS_GROUP)
    admins.permissions.set(every)
    result[ALL_PERMISSIONS_GROUP] = len(every)
    return result


# --- Second factor --------------------------------------------------------------


def totp_enrolment_start(*, user: AbstractBaseUser) -> TOTPDevice:
    """The authenticator-app device being set up: the same one until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    return device


@transaction.atomic
def totp_enrolment_confirm(*, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the device with a code from the app; return fresh recovery codes, or None."""
    token = normalise_code(token)
    if not (token.isascii() and token.isdigit() and len(token) == device.digits):
        return None
    if otp_verify_token(device.user, device.persistent_id, token) is None:
        return None
    TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
    # Only one authenticator app per person: an earlier one (if any) stops working.
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    logger.info("Second factor set up (user %s)", device.user_id)
    return recovery_codes_regenerate(user=device.user)


@transaction.atomic
def recovery_codes_regenerate(*, user: AbstractBaseUser) -> list[str]:
    """Replace the person's recovery codes with new ones; return them (shown once)."""
    RecoveryCodeDevice.objects.filter(user=user).delete()
    device = RecoveryCodeDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    codes: set[str] = set()
    while len(codes) < conf.RECOVERY_CODE_COUNT:
        codes.add(new_code())
    RecoveryCode.objects.bulk_create([RecoveryCode.build(device=device, code=c) for c in codes])
    logger.info("New recovery codes made (user %s)", user.pk)
    return sorted(format_code(code) for code in codes)


def has_confirmed_totp(user: AbstractBaseUser) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


@dataclass(frozen=True)
class Verification:
    device: Device | None
    throttled: bool = False


def two_factor_verify(*, user: AbstractBaseUser, token: str) -> Verification:
    """Check a code from the authenticator app (6 digits) or a recovery code (12 characters).

    A code is only tried on the kind of device it fits, so typing app codes never
    slows down recovery codes. Devices back off exponentially after failures.
    """
    token = normalise_code(token)
    if token.isascii() and token.isdigit() and len(token) <= 8:
        kind: type[Device] = TOTPDevice
    elif len(token) == CODE_LENGTH:
        kind = RecoveryCodeDevice
    else:
        return Verification(None)
    throttled = False
    for device in devices_for_user(user, confirmed=True):
        if not isinstance(device, kind):
            continue
        allowed, _info = device.verify_is_allowed()
        if not allowed:
            throttled = True
            continue
        verified = otp_verify_token(user, device.persistent_id, token)
        if verified is not None:
            if kind is RecoveryCodeDevice:
                logger.info("Signed in with a recovery code (user %s)", user.pk)
            return Verification(verified)
    logger.warning("Wrong second-factor code (user %s)", user.pk)
    return Verification(None, throttled=throttled)
