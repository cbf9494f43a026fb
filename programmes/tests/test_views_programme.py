import pytest

from programmes.tests.conftest import make_intake, make_programme, url

pytestmark = pytest.mark.django_db


def test_list_shows_open_programmes_first_and_filters(client, frozen_now, countries, themes):
    closed = make_intake(
        make_programme(
            title_en="Closed one", countries=[countries["KE"]], themes=[themes["human-rights"]]
        ),
        opens="2026-01-01",
        closes="2026-02-01",
    ).programme
    open_ = make_intake(
        make_programme(title_en="Open one", countries=[countries["ZM"]]),
        opens="2026-11-01",
        closes="2026-12-01",
    ).programme
    text = client.get(url("index")).text
    assert text.index("Open one") < text.index("Closed one")
    kenya = client.get(url("index"), {"country": "kenya"}).text
    assert "Closed one" in kenya and "Open one" not in kenya
    theme = client.get(url("index"), {"theme": "human-rights"}).text
    assert "Closed one" in theme and "Open one" not in theme
    only_open = client.get(url("index"), {"open": "on"}).text
    assert "Open one" in only_open and "Closed one" not in only_open
    assert closed.pk and open_.pk


@pytest.mark.parametrize(
    "params",
    [
        {"country": "atlantis"},
        {"theme": "x" * 5000},
        {"open": "maybe"},
        {"page": "abc"},
        {"page": "99999"},
        {"sort": "garbage"},
        {"country": "ke\x00nya"},
        {"theme": ["a", "b"]},
    ],
)
def test_bad_query_parameters_give_a_normal_page(client, frozen_now, params):
    make_intake()
    assert client.get(url("index"), params).status_code == 200


def test_unknown_programme_is_a_404(client):
    assert client.get(url("detail", slug="no-such-programme")).status_code == 404
    make_programme(slug="hidden", is_published=False)
    assert client.get(url("detail", slug="hidden")).status_code == 404


def test_long_lists_are_paginated_and_bad_pages_fall_back(client, frozen_now):
    for n in range(14):
        make_intake(make_programme(title_en=f"Numbered {n:02d}"))
    first = client.get(url("index")).text
    assert first.count('class="card programme-card') == 12
    assert "14 programmes" in first and 'rel="next"' in first
    second = client.get(url("index"), {"page": "2", "theme": ""}).text
    assert second.count('class="card programme-card') == 2
    # The shared pagination: the current page marked, the filters kept in the links.
    assert '<nav class="pagination" aria-label="Pages">' in second
    assert '<span aria-current="page"><span class="visually-hidden">Page </span>2</span>' in second
    assert 'href="?page=1&amp;theme=" rel="prev">Previous</a>' in second
    for bad in ("abc", "0", "-1", "99999", "1" * 400):
        assert client.get(url("index"), {"page": bad}).status_code == 200
