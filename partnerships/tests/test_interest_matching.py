"""Staff see why each partner seeker is suggested for a registration, the seeker the applicant
chose first, and sensible suggestions for a registration with no countries or themes."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from partnerships import selectors
from partnerships.models import PartnerSeeker
from partnerships.tests import factories
from reference.models import Organisation


def _kinds(suggestion):
    return [reason.kind for reason in suggestion.reasons]


def test_each_suggestion_says_why_in_both_languages():
    registration = factories.registration(countries=("KE",), themes=("environment-and-climate",))
    factories.seeker(country="KE", themes=("environment-and-climate", "education"))
    (suggestion,) = selectors.seeker_suggestions(registration)
    assert _kinds(suggestion) == ["country", "theme", "level"]
    with translation.override("en"):
        texts = [reason.text for reason in suggestion.reasons]
    assert texts == [
        "Same country: Kenya",
        "Shared theme: Environment and climate",
        "Same level of government: local",
    ]
    with translation.override("sv"):
        texts = [reason.text for reason in suggestion.reasons]
    assert texts == [
        "Samma land: Kenya",
        "Gemensamt tema: Miljö och klimat",
        "Samma förvaltningsnivå: lokal",
    ]


def test_the_seeker_the_applicant_chose_comes_first_even_with_less_in_common():
    better = factories.seeker(country="KE", themes=("environment-and-climate",))
    chosen = factories.seeker(
        country="CO", themes=("education",), status=PartnerSeeker.Status.MATCHED
    )
    registration = factories.registration(
        countries=("KE",), themes=("environment-and-climate",), seeker=chosen
    )
    ranked = selectors.seeker_suggestions(registration)
    assert [s.seeker for s in ranked] == [chosen, better]
    assert ranked[0].picked and _kinds(ranked[0])[0] == "picked"


def test_a_registration_without_countries_or_themes_is_matched_on_earlier_partnerships():
    factories.partnership(swedish_slugs=("vara",), country="ZM", themes=("education",))
    registration = factories.registration(countries=(), themes=())
    zambia = factories.seeker(country="ZM", themes=("education",), since=date(2025, 6, 1))
    factories.seeker(country="CO", themes=("gender-equality",))  # nothing in common
    ranked = selectors.seeker_suggestions(registration)
    assert [s.seeker for s in ranked] == [zambia]
    assert _kinds(ranked[0]) == ["past_country", "past_theme", "level"]
    with translation.override("en"):
        assert ranked[0].reasons[0].text == (
            "Country of the organisation's earlier partnerships: Zambia"
        )


def test_with_nothing_to_go_on_every_open_seeker_is_suggested_same_level_first():
    registration = factories.registration(org="region-skane", countries=(), themes=())
    regional = factories.seeker(
        country="KE",
        organisation=Organisation.objects.create(
            kind=Organisation.Kind.REGIONAL_GOVERNMENT,
            country_id="KE",
            short_name="Kisumu",
            name_sv="Kisumu county",
            name_en="Kisumu County",
            slug="kisumu-test",
        ),
        since=date(2025, 6, 1),
    )
    local_older = factories.seeker(country="UG", since=date(2024, 1, 1))
    local_newer = factories.seeker(country="CO", since=date(2025, 1, 1))
    factories.seeker(country="RW", status=PartnerSeeker.Status.WITHDRAWN)
    ranked = selectors.seeker_suggestions(registration)
    assert [s.seeker for s in ranked] == [regional, local_older, local_newer]
    assert _kinds(ranked[0]) == ["level", "waiting"]
    assert _kinds(ranked[1]) == ["waiting"]


@pytest.mark.parametrize(
    ("language", "heading", "reason", "chosen"),
    [
        ("sv", "Varför den passar", "Samma land: Kenya", "Vald av den sökande på webbplatsen"),
        ("en", "Why it fits", "Same country: Kenya", "Chosen by the applicant on the website"),
    ],
)
def test_admin_shows_the_reasons_and_offers_the_chosen_seeker_first(
    staff_client, language, heading, reason, chosen
):
    other = factories.seeker(country="KE", themes=("environment-and-climate",))
    picked = factories.seeker(country="UG", themes=("education",))
    registration = factories.registration(countries=("KE",), seeker=picked)
    change = reverse("admin:partnerships_interestregistration_change", args=[registration.pk])
    staff_client.cookies["django_language"] = language
    page = staff_client.get(change, HTTP_ACCEPT_LANGUAGE=language).text
    assert heading in page and reason in page and chosen in page
    form = page.split('name="record_match"')[1].split("</select>")[0]
    assert form.index(f'value="{picked.pk}"') < form.index(f'value="{other.pk}"')
