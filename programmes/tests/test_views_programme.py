import pytest
from django.urls import reverse

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


def _with_application(**fields):
    defaults = {
        "application_period_sv": "En gång om året, i oktober.",
        "application_period_en": "Once a year, in October.",
        "who_may_apply_sv": "Förtroendevalda kvinnor.",
        "who_may_apply_en": "Elected women.",
        "application_url_sv": "https://apply.example/sv/",
        "application_url_en": "https://apply.example/en/",
        "contact_name": "Lina Bergström",
        "contact_email": "lina@icld.example",
    }
    return make_programme(**{**defaults, **fields})


def test_a_programme_shows_its_own_application_information_in_each_language(client, frozen_now):
    programme = _with_application()
    make_intake(programme, opens="2026-11-01", closes="2026-12-31")  # open on 27 November
    english = client.get(url("detail", "en", slug=programme.slug)).text
    assert "When to apply" in english and "Once a year, in October." in english
    assert "Who may apply" in english and "Elected women." in english
    assert "Lina Bergström" in english and 'href="mailto:lina@icld.example"' in english
    assert '<a class="button" href="https://apply.example/en/">Apply' in english
    swedish = client.get(url("detail", "sv", slug=programme.slug)).text
    assert "När man ansöker" in swedish and "En gång om året, i oktober." in swedish
    assert "Vem får söka" in swedish and "Förtroendevalda kvinnor." in swedish
    assert '<a class="button" href="https://apply.example/sv/">Ansök' in swedish


def test_application_information_falls_back_to_the_other_language_marked(client, frozen_now):
    programme = _with_application(
        application_period_en="", who_may_apply_sv="", application_url_en=""
    )
    make_intake(programme, opens="2026-11-01", closes="2026-12-31")
    english = client.get(url("detail", "en", slug=programme.slug)).text
    assert '<dd lang="sv">En gång om året, i oktober.</dd>' in english
    assert 'href="https://apply.example/sv/" hreflang="sv"' in english
    assert "(the form is in Swedish)" in english
    swedish = client.get(url("detail", "sv", slug=programme.slug)).text
    assert '<dd lang="en"><p>Elected women.</p></dd>' in swedish


def test_the_apply_button_shows_only_while_applications_are_open(client, frozen_now):
    programme = _with_application()
    make_intake(programme, opens="2027-01-15", closes="2027-03-01")
    text = client.get(url("detail", "en", slug=programme.slug)).text
    assert "https://apply.example/en/" not in text
    assert "Once a year, in October." in text and "Lina Bergström" in text


def test_staff_edit_the_application_information_in_both_languages(staff_client):
    programme = _with_application()
    page = staff_client.get(reverse("admin:programmes_programme_change", args=[programme.pk]))
    for name in (
        "application_period_sv", "application_period_en", "who_may_apply_sv",
        "who_may_apply_en", "application_url_sv", "application_url_en", "contact_name",
    ):  # fmt: skip
        assert f'name="{name}"' in page.text, name
