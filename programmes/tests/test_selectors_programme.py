import pytest
from django.utils import translation

from programmes import selectors
from programmes.models import ScheduledVisit
from programmes.tests.conftest import make_intake, make_programme, make_visit, municipality

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


def test_cards_carry_their_intake_themes_and_countries_in_four_queries(
    countries, themes, frozen_now, django_assert_num_queries
):
    """Whatever the number of cards: the programmes, their intakes, themes and countries."""
    later = make_intake(opens="2027-01-01", closes="2027-02-01")
    make_intake(later.programme, opens="2026-11-01", closes="2026-12-31")  # open on 1 December
    later.programme.themes.set([themes["gender-equality"], themes["environment-and-climate"]])
    later.programme.eligible_countries.set([countries["ZM"], countries["KE"]])
    bare = make_programme()
    with django_assert_num_queries(4):
        cards = list(selectors.programme_list_public())
    assert cards == [later.programme, bare]  # the open one first
    shown = cards[0].shown_intake
    assert (str(shown.application_opens_on), shown.application_status()) == ("2026-11-01", "open")
    assert [t.slug for t in cards[0].card_themes] == [
        t.slug for t in later.programme.themes.order_by("ordering", "name_sv")
    ]
    with translation.override("en"):
        assert [c.name for c in selectors.programme_list_public()[0].card_countries] == [
            "Kenya",
            "Zambia",
        ]
    assert (cards[1].shown_intake, cards[1].card_themes, cards[1].card_countries) == (None, [], [])
