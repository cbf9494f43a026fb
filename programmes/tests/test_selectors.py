from datetime import date

import pytest
from django.utils import translation

from programmes import selectors
from programmes.models import ScheduledVisit
from programmes.tests.conftest import (
    make_intake,
    make_offer,
    make_programme,
    make_visit,
    municipality,
)

pytestmark = pytest.mark.django_db


def test_figures_count_programmes_open_calls_and_listed_hosts(
    frozen_now, django_assert_num_queries
):
    make_intake(opens="2026-11-01", closes="2026-12-01")
    past = make_intake(opens="2025-01-01", closes="2025-02-01")
    make_programme(is_published=False)
    make_visit(
        past,
        first="2026-09-01",
        last="2026-09-01",
        status=ScheduledVisit.Status.COMPLETED,
        host_may_be_listed=True,
    )
    make_visit(
        past,
        municipality("boras"),
        first="2026-09-01",
        last="2026-09-01",
        status=ScheduledVisit.Status.COMPLETED,
        host_may_be_listed=False,
    )
    with django_assert_num_queries(3):
        figures = selectors.figures()
    assert [f["value"] for f in figures] == [2, 1, 1]
    with translation.override("sv"):
        assert str(figures[0]["label"]) == "utbildningsprogram"


def test_programmes_for_country_and_theme(countries, themes, frozen_now):
    kenyan = make_programme(countries=[countries["KE"]], themes=[themes["gender-equality"]])
    make_programme(countries=[countries["ZM"]])
    make_programme(countries=[countries["KE"]], is_published=False)
    assert list(selectors.programmes_for_country(countries["KE"])) == [kenyan]
    assert list(selectors.programmes_for_theme(themes["gender-equality"])) == [kenyan]


def test_open_programmes(frozen_now):
    open_one = make_intake(opens="2026-11-01", closes="2026-11-27").programme
    make_intake(opens="2026-11-28", closes="2026-12-27")
    assert list(selectors.open_programmes()) == [open_one]


def test_hosted_visits_only_when_the_host_agreed_and_the_visit_is_over(frozen_now):
    intake = make_intake(sweden=None)
    listed = make_visit(
        intake,
        first="2026-09-01",
        last="2026-09-01",
        status=ScheduledVisit.Status.COMPLETED,
        host_may_be_listed=True,
    )
    make_visit(
        intake,
        first="2026-10-01",
        last="2026-10-01",
        status=ScheduledVisit.Status.CANCELLED,
        host_may_be_listed=True,
    )
    make_visit(
        intake,
        first="2027-09-01",
        last="2027-09-01",
        status=ScheduledVisit.Status.CONFIRMED,
        host_may_be_listed=True,
    )
    assert list(selectors.hosted_visits_for_organisation(municipality())) == [listed]
    hidden = make_visit(
        intake,
        municipality("boras"),
        first="2026-09-01",
        last="2026-09-01",
        status=ScheduledVisit.Status.COMPLETED,
        host_may_be_listed=False,
    )
    assert list(selectors.hosted_visits_for_organisation(hidden.host)) == []
    assert [host.slug for host in selectors.hosts_public()] == ["vara"]


def test_offer_suggestions_match_dates_themes_and_capacity(themes):
    programme = make_programme(themes=[themes["human-rights"]])
    intake = make_intake(programme, sweden=("2027-09-06", "2027-09-17"))
    fits = make_offer(themes=[themes["human-rights"]], periods=[("2027-09-15", "2027-10-15")])
    make_offer(municipality("boras"), themes=[themes["urban-planning"]])  # theme
    make_offer(
        municipality("umea"),
        themes=[themes["human-rights"]],
        periods=[("2027-10-01", "2027-10-15")],
    )  # dates
    small = make_offer(municipality("horby"), themes=[themes["human-rights"]], capacity=4)
    make_offer(municipality("lund"), themes=[themes["human-rights"]], status="declined")
    suggestions = selectors.offers_suggested_for_intake(intake)
    found = {(s.offer.pk, s.kind) for s in suggestions}
    assert found == {(fits.pk, "group_visit"), (fits.pk, "placement"), (small.pk, "placement")}
    window = next(s for s in suggestions if s.offer == fits)
    assert (window.window_start, window.window_end) == (date(2027, 9, 15), date(2027, 9, 17))
    # A one-day window is enough for a group visit but not for a two-day placement.
    one_day = make_offer(
        municipality("malmo"),
        themes=[themes["human-rights"]],
        periods=[("2027-09-17", "2027-09-30")],
    )
    kinds = {s.kind for s in selectors.offers_suggested_for_intake(intake) if s.offer == one_day}
    assert kinds == {"group_visit"}
