import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff.services import staff_groups_sync

PASSWORD = "correct horse battery staple 42"


def clear_security_state() -> None:
    """Forget every sign-in failure, lock and attempt count (within the test's transaction)."""
    from axes.models import AccessAttempt

    from core.models import SecurityCounter

    AccessAttempt.objects.all().delete()
    SecurityCounter.objects.all().delete()


@pytest.fixture
def groups(db):
    staff_groups_sync()
    return {group.name: group for group in Group.objects.all()}


@pytest.fixture
def make_staff(db, groups):
    counter = iter(range(1000))

    def make(*group_names: str, username: str | None = None, **extra):
        user = get_user_model().objects.create_user(
            username=username or f"officer{next(counter)}",
            email="officer@icld.se",
            password=PASSWORD,
            is_staff=True,
            **extra,
        )
        user.groups.set([groups[name] for name in group_names])
        return user

    return make


def add_totp_device(user, *, confirmed=True) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=confirmed)


def code_for(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The app's code now, or `steps_ahead` 30-second steps later (within the tolerance)."""
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead)
    return str(value).zfill(device.digits)


def sign_in_verified(client, user) -> TOTPDevice:
    """Signed in with password and second factor, as after the real flow."""
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or add_totp_device(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


@pytest.fixture
def verified_client(client):
    def sign_in(user):
        sign_in_verified(client, user)
        return client

    return sign_in
