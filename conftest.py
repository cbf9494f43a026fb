"""Fixtures every app's tests share."""

import pytest


@pytest.fixture
def staff_client(django_user_model):
    """A superuser signed in with password and second factor (admin requires both)."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = django_user_model.objects.create_user(
        username="staff", password="a-long-enough-password", is_staff=True, is_superuser=True
    )
    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
