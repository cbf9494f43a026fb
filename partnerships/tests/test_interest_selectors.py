"""Application rounds and matching registrations with partner seekers."""

from __future__ import annotations

from datetime import date, datetime
from unittest import mock
from zoneinfo import ZoneInfo

from partnerships import selectors, services
from partnerships.models import PartnerSeeker
from partnerships.tests import factories

# --- Rounds -------------------------------------------------------------------------------


def test_round_status_after_autumn_round_points_to_next_spring(application_rounds):
    status = selectors.round_status(today=date(2026, 11, 27))
    assert status.state == "upcoming"
    assert status.round.opens_on == date(2027, 2, 15)
    assert status.days == (date(2027, 2, 15) - date(2026, 11, 27)).days


def test_round_is_open_on_its_first_and_last_day_and_counts_days_left(application_rounds):
    assert selectors.round_status(today=date(2027, 2, 15)).state == "open"
    last = selectors.round_status(today=date(2027, 3, 15))
    assert last.state == "open" and last.days == 1
    assert selectors.round_status(today=date(2027, 3, 16)).state == "none"


def test_round_state_uses_stockholm_time_not_utc(application_rounds):
    # 23:30 UTC on 15 March is already 16 March in Stockholm: the round has closed.
    late = datetime(2026, 3, 15, 23, 30, tzinfo=ZoneInfo("UTC"))
    with mock.patch("django.utils.timezone.now", return_value=late):
        assert selectors.current_or_next_round().opens_on == date(2026, 9, 15)
    early = datetime(2026, 3, 15, 22, 30, tzinfo=ZoneInfo("UTC"))  # 23:30 in Stockholm
    with mock.patch("django.utils.timezone.now", return_value=early):
        assert selectors.current_or_next_round().opens_on == date(2026, 2, 15)


def test_an_open_round_comes_before_one_that_opens_sooner_than_it_closes(
    django_assert_num_queries,
):
    factories.round_(date(2026, 5, 1), date(2026, 12, 31), "Open all year")
    factories.round_(date(2026, 6, 1), date(2026, 6, 30), "Also open, closing first")
    factories.round_(date(2026, 7, 10), date(2026, 7, 20), "Upcoming, later")
    factories.round_(date(2026, 7, 1), date(2026, 8, 1), "Upcoming, sooner")
    with django_assert_num_queries(1):
        assert selectors.current_or_next_round(today=date(2026, 6, 15)).opens_on == date(2026, 6, 1)
    assert selectors.current_or_next_round(today=date(2026, 6, 30)).closes_on == date(2026, 6, 30)
    # After both have closed, the next to open.
    assert selectors.current_or_next_round(today=date(2027, 1, 1)) is None
    factories.round_(date(2027, 3, 1), date(2027, 3, 31), "Spring")
    factories.round_(date(2027, 2, 1), date(2027, 2, 28), "Winter")
    assert selectors.current_or_next_round(today=date(2027, 1, 1)).opens_on == date(2027, 2, 1)


def test_no_rounds_gives_none():
    assert selectors.current_or_next_round() is None
    assert selectors.round_status().state == "none"


# --- Matching -----------------------------------------------------------------------------


def test_seekers_ranked_by_shared_countries_and_themes_then_longest_waiting():
    registration = factories.registration(
        countries=("KE", "ZM"), themes=("environment-and-climate", "gender-equality")
    )
    best = factories.seeker(
        country="KE", themes=("environment-and-climate", "gender-equality"), since=date(2026, 1, 1)
    )
    equal_older = factories.seeker(
        country="ZM", themes=("gender-equality",), since=date(2024, 1, 1)
    )
    equal_newer = factories.seeker(
        country="KE", themes=("environment-and-climate",), since=date(2025, 6, 1)
    )
    country_only = factories.seeker(country="ZM", themes=("education",), since=date(2020, 1, 1))
    same_region = factories.seeker(country="UG", themes=("education",))  # East Africa, as KE
    factories.seeker(country="CO", themes=("education",))  # nothing in common
    factories.seeker(
        country="KE", themes=("gender-equality",), status=PartnerSeeker.Status.WITHDRAWN
    )  # not open
    ranked = selectors.seeker_suggestions(registration)
    assert [s.seeker for s in ranked] == [best, equal_older, equal_newer, country_only, same_region]
    # Country 4, theme 3, region 1, and 1 for the same level (a municipality, a local government).
    assert [s.score for s in ranked] == [11, 8, 8, 5, 2]


def test_registrations_fitting_a_seeker():
    seeker = factories.seeker(country="KE", themes=("environment-and-climate", "education"))
    both = factories.registration(
        countries=("KE",), themes=("environment-and-climate", "education")
    )
    one = factories.registration(countries=("ZM",), themes=("education",))
    factories.registration(countries=("UG",), themes=("gender-equality",))
    closed = factories.registration(countries=("KE",))
    services.registration_update(registration=closed, status="closed")
    assert list(selectors.registrations_fitting_seeker(seeker)) == [both, one]
