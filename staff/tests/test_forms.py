"""Property-based tests: no input to the sign-in forms breaks them or signs anyone in.

The database rows live for the whole test (all of Hypothesis's examples), so the
helpers get or create them.
"""

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from staff.forms import StaffAuthenticationForm, VerifyForm
from staff.services import two_factor_verify
from staff.tests.conftest import PASSWORD, clear_security_state, code_for

EXAMPLES = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def staff_member(username: str):
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"is_staff": True}
    )
    if created:
        user.set_password(PASSWORD)
        user.save()
    return user


@pytest.mark.django_db
@EXAMPLES
@given(username=st.text(max_size=200), password=st.text(max_size=200))
def test_login_form_never_accepts_guesses(username, password):
    staff_member("anna")
    clear_security_state()
    request = RequestFactory().post("/admin/login/", REMOTE_ADDR="192.0.2.10")
    form = StaffAuthenticationForm(request, data={"username": username, "password": password})
    assert not form.is_valid()
    assert form.errors


@pytest.mark.django_db
@EXAMPLES
@given(code=st.text(max_size=60))
def test_arbitrary_codes_never_verify(code):
    user = staff_member("bo")
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, defaults={"name": "Authenticator app", "confirmed": True}
    )
    device.throttle_reset()
    form = VerifyForm(data={"code": code})
    if not form.is_valid():
        assert "code" in form.errors
        return
    result = two_factor_verify(user=user, token=form.cleaned_data["code"])
    valid_now = {code_for(device, steps_ahead=step) for step in (-1, 0, 1)}
    if "".join(ch for ch in code.lower() if ch.isalnum()) not in valid_now:
        assert result.device is None
