"""The interest registration form and its thanks page, in both languages."""

from __future__ import annotations

from datetime import date
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.models import OutboxMessage, SecurityCounter
from partnerships.models import InterestRegistration
from partnerships.tests import factories
from partnerships.tests.helpers import ANY_TEXT, url
from reference.models import Organisation


def form_data(client, lang="sv", **overrides) -> dict:
    """A valid POST, with the token the empty form issued."""
    response = client.get(url("register", lang))
    token = response.context["form"].initial["submission_token"]
    data = {
        "organisation": str(factories.swedish("vara").pk),
        "contact_name": "Anna Ek",
        "role": "Internationell samordnare",
        "email": "anna.ek@vara.example",
        "phone": "0512-310 00",
        "countries": ["KE"],
        "themes": ["environment-and-climate"],
        "message": "Vi vill arbeta med klimat.",
        "language": lang,
        "consent": "on",
        "submission_token": str(token),
        "website": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_index_shows_next_round(client, lang, application_rounds):
    with mock.patch(
        "partnerships.selectors.interest.stockholm_today", return_value=date(2026, 11, 27)
    ):
        response = client.get(url("index", lang))
    assert response.status_code == 200
    text = response.content.decode()
    assert ("15 februari 2027" if lang == "sv" else "15 February 2027") in text


def test_interested_link_preselects_seeker_country_and_themes(client):
    seeker = factories.seeker(country="ZM", themes=("gender-equality", "education"))
    response = client.get(url("register"), {"seeker": seeker.slug})
    form = response.context["form"]
    assert form.initial["seeker"] == seeker.slug
    assert form.initial["countries"] == ["ZM"]
    assert sorted(form.initial["themes"]) == ["education", "gender-equality"]
    assert "selected>" in response.content.decode() or "selected" in response.content.decode()
    # Unknown or private seekers are ignored.
    private = factories.seeker(listing=False)
    for slug in ("nope", private.slug, "x" * 500, "\x00", "a\x00b", "ö", "../x"):
        response = client.get(url("register"), {"seeker": slug})
        assert response.status_code == 200
        assert "seeker" not in response.context["form"].initial


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_valid_registration_is_saved_with_emails_and_redirects(client, lang, application_rounds):
    seeker = factories.seeker()
    data = form_data(client, lang, seeker=seeker.slug, language=lang)
    response = client.post(url("register", lang), data)
    assert response.status_code == 302
    assert response["Location"] == url("register_thanks", lang)
    registration = InterestRegistration.objects.get()
    assert registration.organisation.slug == "vara"
    assert registration.seeker == seeker
    assert registration.language == lang
    assert [c.code for c in registration.countries.all()] == ["KE"]
    assert registration.consented_at is not None
    receipt, team = OutboxMessage.objects.order_by("pk")
    assert receipt.to == ["anna.ek@vara.example"] and receipt.language == lang
    assert receipt.body_html and receipt.body_text
    assert team.to == ["partnership@icld.se"] and team.reply_to == "anna.ek@vara.example"
    if lang == "sv":
        assert "Tack" in receipt.body_text
    else:
        assert "Thank you" in receipt.body_text
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200


def test_confirmation_email_tells_where_it_stands_against_next_round(client, application_rounds):
    with mock.patch(
        "partnerships.selectors.interest.stockholm_today", return_value=date(2026, 11, 27)
    ):
        client.post(url("register", "en"), form_data(client, "en", language="en"))
        thanks = client.get(url("register_thanks", "en")).content.decode()
    receipt = OutboxMessage.objects.filter(language="en").get()
    assert "15 February 2027" in receipt.body_text
    assert "in 80 days" in receipt.body_text
    assert "Political backing" in receipt.body_text
    assert "15 February 2027" in thanks and "in 80 days" in thanks


def test_double_submit_saves_once(client):
    data = form_data(client)
    assert client.post(url("register"), data).status_code == 302
    assert client.post(url("register"), data).status_code == 302
    assert InterestRegistration.objects.count() == 1
    assert OutboxMessage.objects.count() == 2


def test_mail_server_failure_never_loses_the_registration(client):
    from core.outbox import outbox_deliver_due

    client.post(url("register"), form_data(client))
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        side_effect=OSError("mail server down"),
    ):
        sent, failed = outbox_deliver_due()
    assert sent == 0 and failed >= 1
    assert InterestRegistration.objects.count() == 1
    assert OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING).count() == 2


def test_honeypot_saves_nothing_and_shows_confirmation(client):
    response = client.post(url("register"), form_data(client, website="http://spam.example"))
    assert response.status_code == 302 and response["Location"] == url("register_thanks")
    assert InterestRegistration.objects.count() == 0 and OutboxMessage.objects.count() == 0


def test_rate_limit_gives_bilingual_429_that_keeps_input(client, settings):
    settings.ICLD_FORM_RATE_LIMIT = 2
    for lang in ("sv", "en"):
        SecurityCounter.objects.all().delete()
        for _attempt in range(2):
            assert client.post(url("register", lang), form_data(client, lang)).status_code == 302
        data = form_data(client, lang, contact_name="Kim Lindqvist")
        response = client.post(url("register", lang), data)
        assert response.status_code == 429
        assert response["Retry-After"]
        text = response.content.decode()
        assert 'value="Kim Lindqvist"' in text
        assert ("Vänta" in text or "vänta" in text) if lang == "sv" else "Please wait" in text
    assert InterestRegistration.objects.count() == 4


def test_typos_do_not_count_towards_the_rate_limit(client, settings):
    settings.ICLD_FORM_RATE_LIMIT = 2
    for _attempt in range(10):
        response = client.post(url("register"), form_data(client, email="not-an-email"))
        assert response.status_code == 200
    assert client.post(url("register"), form_data(client)).status_code == 302
    assert InterestRegistration.objects.count() == 1


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_errors_are_in_the_page_language_and_input_is_kept(client, lang):
    data = form_data(client, lang, email="not-an-email", consent="", contact_name="Åsa Öberg")
    response = client.post(url("register", lang), data)
    assert response.status_code == 200
    text = response.content.decode()
    assert 'value="Åsa Öberg"' in text
    assert "error-summary" in text
    if lang == "sv":
        assert "samtycke" in text
    else:
        assert "We need your consent" in text
    assert "novalidate" in text


def test_forged_organisation_and_seeker_are_form_errors(client):
    foreign = Organisation.objects.foreign().first() or factories.seeker().organisation
    hidden = factories.seeker(listing=False)
    for organisation in (str(foreign.pk), "999999999", "abc", "\x00", "1' OR 1=1"):
        response = client.post(url("register"), form_data(client, organisation=organisation))
        assert response.status_code == 200
        assert "organisation" in response.context["form"].errors
    response = client.post(url("register"), form_data(client, seeker=hidden.slug))
    assert "seeker" in response.context["form"].errors
    response = client.post(
        url("register"), form_data(client, countries=["SE", "\x00"], themes=["nope"])
    )
    assert {"countries", "themes"} <= set(response.context["form"].errors)
    assert InterestRegistration.objects.count() == 0


def test_control_characters_only_name_is_required_error(client):
    response = client.post(url("register"), form_data(client, contact_name="\x01\x02"))
    assert "contact_name" in response.context["form"].errors


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    data=st.fixed_dictionaries(
        {},
        optional={
            "organisation": ANY_TEXT,
            "contact_name": ANY_TEXT,
            "role": ANY_TEXT,
            "email": ANY_TEXT,
            "phone": ANY_TEXT,
            "message": st.text(max_size=6000),
            "language": ANY_TEXT,
            "consent": ANY_TEXT,
            "seeker": ANY_TEXT,
            "countries": st.lists(ANY_TEXT, max_size=4),
            "themes": st.lists(ANY_TEXT, max_size=4),
            "submission_token": ANY_TEXT,
        },
    )
)
def test_generated_input_never_gives_a_server_error(data):
    cache.clear()
    client = Client(raise_request_exception=False)
    response = client.post(url("register"), data)
    assert response.status_code in (200, 302)


PRINTABLE = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    name=st.text(PRINTABLE, min_size=1, max_size=200).filter(lambda s: any(c.isalnum() for c in s)),
    role=st.text(PRINTABLE, min_size=1, max_size=200).filter(lambda s: any(c.isalnum() for c in s)),
    message=st.text(PRINTABLE, max_size=5000),
    # Dots only between characters, never two in a row: "a..b" is no valid address.
    local=st.from_regex(r"[a-z](\.?[a-z0-9]){1,20}", fullmatch=True),
)
def test_every_valid_submission_is_saved(name, role, message, local):
    cache.clear()
    client = Client()
    data = form_data(
        client, contact_name=name, role=role, message=message, email=f"{local}@kommun.example"
    )
    before = InterestRegistration.objects.count()
    response = client.post(url("register"), data)
    assert response.status_code == 302, response.context["form"].errors
    assert InterestRegistration.objects.count() == before + 1


def test_registration_form_query_count_is_fixed(client, django_assert_num_queries):

    factories.seeker()
    with CaptureQueriesContext(connection) as captured:
        client.get(url("register"))
    for _index in range(6):
        factories.seeker(country="UG")
    with django_assert_num_queries(len(captured)):
        response = client.get(url("register"))
    assert len(response.context["form"].fields["seeker"].choices) == 8


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(params=st.dictionaries(st.sampled_from(["seeker", "country", "theme", "page"]), ANY_TEXT))
def test_generated_query_strings_never_give_a_server_error(params):
    client = Client(raise_request_exception=False)
    assert client.get(url("register"), params).status_code == 200
