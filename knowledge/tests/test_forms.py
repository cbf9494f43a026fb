"""The sign-up form: any input gives a clear answer, never an exception."""

import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.forms import RegistrationForm

text = st.text(max_size=300)


@given(
    name=text,
    email=text,
    organisation=text,
    needs=st.text(max_size=1200),
    consent=st.sampled_from(["", "on", "x"]),
    token=st.one_of(text, st.uuids().map(str)),
)
@settings(max_examples=200, deadline=None)
def test_any_input_validates_or_explains(name, email, organisation, needs, consent, token):
    form = RegistrationForm(
        data={
            "name": name,
            "email": email,
            "organisation": organisation,
            "needs": needs,
            "consent": consent,
            "submission_token": token,
        }
    )
    if form.is_valid():
        data = form.cleaned_data
        assert data["name"] and "@" in data["email"] and data["consent"] is True
        assert isinstance(data["submission_token"], uuid.UUID)
        assert all(ord(ch) >= 32 or ch in "\n\t" for ch in data["name"] + data["needs"])
    else:
        assert all(
            isinstance(message, str) for errors in form.errors.values() for message in errors
        )


@given(
    name=st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=31), min_size=1, max_size=20)
)
def test_a_name_of_control_characters_only_is_refused(name):
    form = RegistrationForm(data={"name": name, "email": "a@example.org", "consent": "on"})
    assert not form.is_valid() and "name" in form.errors


@pytest.mark.parametrize("language", ["sv", "en"])
def test_errors_are_in_the_visitors_language(language):
    from django.utils import translation

    with translation.override(language):
        form = RegistrationForm(data={})
        assert not form.is_valid()
        expected = {"sv": "Skriv ditt namn.", "en": "Enter your name."}[language]
        assert form.errors["name"] == [expected]
