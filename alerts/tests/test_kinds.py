"""Each kind reads a list's query string the way the list does, and finds what is new."""

from datetime import timedelta

import pytest
from django.http import QueryDict
from django.utils import timezone, translation

from alerts import kinds
from alerts.tests.factories import call, event, publication, published_partnership
from programmes.models import Programme
from programmes.tests.conftest import make_intake, make_programme
from reference.models import Country, Theme

pytestmark = pytest.mark.django_db


def test_every_list_is_registered_once():
    assert [k.key for k in kinds.all_kinds()] == [
        "partnerships",
        "seekers",
        "programmes",
        "publications",
        "calls",
        "events",
    ]
    assert kinds.by_url_name("knowledge:events").key == "events"
    assert kinds.by_url_name("knowledge:event") is None


@pytest.mark.parametrize(
    "kind, query, expected",
    [
        (
            "partnerships",
            "country=kenya&page=2&sort=title&status=active&year=abc&q=++vatten++",
            "country=kenya&q=vatten&status=active",
        ),
        ("partnerships", "country=atlantis&phase=zzz", ""),
        (
            "publications",
            "theme=gender-equality&type=zzz&year=2020&year=x&sort=newest",
            "theme=gender-equality&year=2020",
        ),
        ("calls", "theme=gender-equality&theme=nope&page=3", "theme=gender-equality"),
        (
            "events",
            "language=sv&language=xx&kind=webinar&country=kenya",
            "country=kenya&kind=webinar&language=sv",
        ),
        ("programmes", "open=on&theme=nope", "open=on"),
        ("seekers", "country=nowhere&theme=nope&page=2", ""),
    ],
)
def test_a_query_is_normalised_to_the_filters_the_list_would_use(kind, query, expected):
    assert kinds.get(kind).normalize(query) == expected


def test_the_filter_is_described_in_the_active_language():
    kind = kinds.get("events")
    filters = kind.from_query("language=sv&kind=webinar")
    with translation.override("en"):
        assert kind.describe(filters) == [("Kind", "Webinar"), ("Language", "Swedish")]
    with translation.override("sv"):
        assert ("Språk", "Svenska") in kind.describe(filters)


def test_partnership_alerts_match_what_the_list_shows_and_are_new_by_publication_time():
    now = timezone.now()
    kind = kinds.get("partnerships")
    filters = kind.from_query(QueryDict("country=kenya"))
    old = published_partnership(country="KE", at=now - timedelta(days=10))
    new = published_partnership(country="KE", at=now - timedelta(hours=1))
    published_partnership(country="TZ", at=now - timedelta(hours=1))
    assert [i.key for i in kind.items(filters)] == [
        f"partnership:{new.pk}",
        f"partnership:{old.pk}",
    ]
    assert [i.key for i in kind.items(filters, since=now - timedelta(days=1))] == [
        f"partnership:{new.pk}"
    ]


def test_a_programme_is_new_when_an_intake_opens_for_applications():
    today = timezone.localdate()
    kenya = Country.objects.get(code="KE")
    programme = make_programme(countries=[kenya])
    opened = make_intake(
        programme, opens=str(today - timedelta(days=1)), closes=str(today + timedelta(days=30))
    )
    make_intake(
        programme, opens=str(today + timedelta(days=10)), closes=str(today + timedelta(days=40))
    )
    make_intake(
        make_programme(),
        opens=str(today - timedelta(days=1)),
        closes=str(today + timedelta(days=30)),
    )
    kind = kinds.get("programmes")
    filters = kind.from_query("country=kenya")
    items = kind.items(filters, since=timezone.now() - timedelta(days=2))
    assert [i.key for i in items] == [f"intake:{opened.pk}"]
    assert items[0].url == programme.get_absolute_url()
    assert Programme.objects.count() == 2


def test_knowledge_kinds_use_their_filters():
    gender = Theme.objects.get(slug="gender-equality")
    now = timezone.now()
    matching = publication(at=now, themes=[gender])
    publication(at=now)
    assert [
        i.key
        for i in kinds.get("publications").items(
            kinds.get("publications").from_query("theme=gender-equality")
        )
    ] == [f"publication:{matching.pk}"]
    themed_call = call(at=now)
    themed_call.themes.set([gender])
    call(at=now)
    calls = kinds.get("calls")
    assert [i.key for i in calls.items(calls.from_query("theme=gender-equality"))] == [
        f"call:{themed_call.pk}"
    ]
    webinar = event(at=now, kind="webinar")
    event(at=now, kind="seminar")
    events = kinds.get("events")
    assert [i.key for i in events.items(events.from_query("kind=webinar"))] == [
        f"event:{webinar.pk}"
    ]


def test_a_partner_seeker_alert_names_the_organisation_only_if_it_agreed():
    from partnerships.tests.factories import seeker

    named = seeker(country="KE", show_name=True)
    anonymous = seeker(country="KE", show_name=False)
    seeker(country="KE", listing=False)  # not listed publicly: never in an alert
    seeker(country="TZ")
    kind = kinds.get("seekers")
    filters = kind.from_query("country=kenya")
    assert filters.query == "country=kenya"
    with translation.override("en"):
        items = kind.items(filters, since=timezone.now() - timedelta(hours=1))
        assert kind.describe(filters) == [("Country", "Kenya")]
        assert items[1].title == str(named.organisation)
    assert [i.key for i in items] == [f"seeker:{anonymous.pk}", f"seeker:{named.pk}"]
    assert items[0].title == "A local government in Kenya"
    assert "private" not in " ".join(i.summary + i.title for i in items).lower()


def test_a_long_search_is_kept_whole_and_a_huge_query_is_cut_not_refused():
    words = "vattenförsörjning och jämställdhet " * 6  # 200 characters of Swedish
    kind = kinds.get("publications")
    params = QueryDict(mutable=True)
    params["q"] = words
    normalised = kind.normalize(params)
    assert QueryDict(normalised)["q"] == " ".join(words.split())[:200]
    huge = "&".join(f"year={2000 + n % 20}" for n in range(5000))
    assert kind.normalize(huge) == "&".join(f"year={y}" for y in range(2019, 1999, -1))
