"""Property-based tests of the subscribe form: any input gives a valid form or clear errors."""

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alerts.forms import ManageLinkForm, SubscribeForm

LANGUAGES = ["sv", "en"]
FREQUENCIES = ["daily", "weekly"]
local_part = st.text(string.ascii_letters + string.digits + "._-", min_size=1, max_size=20).filter(
    lambda s: not s.startswith(".") and not s.endswith(".") and ".." not in s
)
domain = st.from_regex(r"\A[a-z0-9]{1,15}\.(org|se|com|ke)\Z")
emails = st.builds(lambda local, host: f"{local}@{host}", local_part, domain)


@settings(max_examples=80, deadline=None)
@given(
    email=emails,
    language=st.sampled_from(LANGUAGES),
    frequency=st.sampled_from(FREQUENCIES),
    case=st.booleans(),
)
def test_a_good_address_with_any_choice_is_accepted_and_lowercased(
    email, language, frequency, case
):
    address = email.upper() if case else email
    form = SubscribeForm(
        data={"email": f"  {address} ", "language": language, "frequency": frequency}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["email"] == email.lower()
    assert form.cleaned_data["language"] == language
    assert form.cleaned_data["frequency"] == frequency


@settings(max_examples=150, deadline=None)
@given(
    email=st.text(max_size=300),
    language=st.text(max_size=10),
    frequency=st.text(max_size=10),
    token=st.text(max_size=80),
)
def test_any_input_is_either_valid_or_explained_never_an_exception(
    email, language, frequency, token
):
    form = SubscribeForm(
        data={
            "email": email,
            "language": language,
            "frequency": frequency,
            "submission_token": token,
        }
    )
    if form.is_valid():
        assert "@" in form.cleaned_data["email"]
        assert form.cleaned_data["language"] in LANGUAGES
        assert form.cleaned_data["frequency"] in FREQUENCIES
        assert form.cleaned_data["email"] == form.cleaned_data["email"].strip().lower()
    else:
        assert set(form.errors) <= {"email", "language", "frequency"}
        for messages in form.errors.values():
            assert all(str(message).strip() for message in messages)
    if language not in LANGUAGES:
        assert "language" in form.errors
    if frequency not in FREQUENCIES:
        assert "frequency" in form.errors


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(email=st.text(max_size=300))
def test_the_manage_link_form_accepts_only_addresses(email):
    form = ManageLinkForm(data={"email": email})
    if form.is_valid():
        assert "@" in form.cleaned_data["email"]
    else:
        assert list(form.errors) == ["email"]


@pytest.mark.parametrize(
    "language, message",
    [
        ("sv", "Skriv den e-postadress som bevakningarna ska skickas till."),
        ("en", "Enter the email address the alerts should go to."),
    ],
)
def test_a_missing_address_is_explained_in_the_active_language(language, message):
    from django.utils import translation

    with translation.override(language):
        form = SubscribeForm(data={"language": "sv", "frequency": "daily"})
        assert form.errors["email"] == [message]


def test_the_form_posts_without_browser_validation_and_carries_the_honeypot():
    form = SubscribeForm()
    assert form.helper.attrs == {"novalidate": ""}
    assert "website" in form.fields and "submission_token" in form.fields
