from datetime import date

import pytest

from programmes import selectors
from programmes.tests.conftest import make_intake, make_offer, make_programme, municipality

pytestmark = pytest.mark.django_db


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
