import pytest
from django.urls import reverse
from django.utils import translation

from core.models import OutboxMessage
from programmes.models import HostingOffer, ScheduledVisit
from programmes.tests.conftest import make_intake, make_programme, make_visit, municipality
from programmes.tests.test_forms import valid_data

pytestmark = pytest.mark.django_db


def url(name, lang="en", **kwargs):
    with translation.override(lang):
        return reverse(f"programmes:{name}", kwargs=kwargs or None)


def test_urls_are_translated():
    assert url("index", "sv") == "/sv/utbildningsprogram/"
    assert url("hosting", "sv") == "/sv/utbildningsprogram/sta-vard-for-studiebesok/"
    assert url("hosting_offer", "en") == "/en/training-programmes/host-a-study-visit/offer/"
    assert url("hosts", "sv") == "/sv/utbildningsprogram/vara-vardar/"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_public_pages_render_in_each_language(client, frozen_now, lang):
    intake = make_intake(make_programme(title_sv="Ledarskap", title_en="Leadership"))
    make_visit(
        intake,
        status=ScheduledVisit.Status.COMPLETED,
        host_may_be_listed=True,
        first="2026-09-08",
        last="2026-09-08",
    )
    for path in (
        url("index", lang),
        url("detail", lang, slug=intake.programme.slug),
        url("hosting", lang),
        url("hosting_offer", lang),
        url("hosts", lang),
        url("hosting_offer_thanks", lang),
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert f'<html lang="{lang}">' in response.text
    detail = client.get(url("detail", lang, slug=intake.programme.slug)).text
    assert ("Ledarskap" if lang == "sv" else "Leadership") in detail
    assert (
        "Går att söka till och med 31 december 2026"
        if lang == "sv"
        else "Open for applications until 31 December 2026"
    ) in detail


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


def _grow(n, countries, themes):
    for _ in range(n):
        programme = make_programme(
            countries=[countries["KE"], countries["ZM"]], themes=[themes["human-rights"]]
        )
        make_intake(programme)
        make_intake(
            programme,
            opens="2025-01-01",
            closes="2025-02-01",
            starts="2025-03-01",
            ends="2026-03-01",
            sweden=("2025-09-01", "2025-09-05"),
        )


def _hosted(n, month):
    hosts = ["boras", "orebro", "umea", "horby", "lund", "malmo"]
    intake = make_intake(sweden=None)
    for i in range(n):
        make_visit(
            intake,
            municipality(hosts[i]),
            first=f"2026-{month:02d}-0{i + 1}",
            last=f"2026-{month:02d}-0{i + 1}",
            status=ScheduledVisit.Status.COMPLETED,
            host_may_be_listed=True,
        )


@pytest.mark.parametrize("page", ["index", "detail", "hosting", "hosts", "hosting_offer"])
def test_pages_run_a_fixed_number_of_queries(
    client, frozen_now, countries, themes, django_assert_num_queries, page
):
    _grow(1, countries, themes)
    _hosted(1, 8)
    slug = "programme-1" if page == "detail" else None

    def path():
        from programmes.models import Programme

        kwargs = {"slug": Programme.objects.order_by("pk").first().slug} if page == "detail" else {}
        return url(page, **kwargs)

    target = path()
    client.get(target)  # warm up the session and caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(target)
    _grow(4, countries, themes)
    _hosted(5, 9)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(target)
    assert slug is None or slug


def test_offer_form_saves_once_and_confirms(client, frozen_now):
    data = valid_data(submission_token="0e6c3f3c-6d1c-4b53-8d9e-5b1c2a3d4e5f")
    response = client.post(url("hosting_offer"), data)
    assert response.status_code == 302
    assert response["Location"] == url("hosting_offer_thanks")
    again = client.post(url("hosting_offer"), data)  # the browser resends the same form
    assert again.status_code == 302
    assert HostingOffer.objects.count() == 1
    offer = HostingOffer.objects.get()
    assert offer.language == "en"
    assert OutboxMessage.objects.count() == 2
    thanks = client.get(url("hosting_offer_thanks")).text
    assert "Vara Municipality" in thanks and "1–30 September 2027" in thanks


def test_offer_form_errors_keep_the_input_in_the_visitors_language(client, frozen_now):
    data = valid_data(
        consent=None, contact_name="Örjan Öberg", **{"periods-0-ends_on": "2027-08-01"}
    )
    response = client.post(url("hosting_offer", "sv"), data)
    assert response.status_code == 200
    text = response.text
    assert "Vi behöver ditt samtycke" in text
    assert "Period 1: Slutdatumet kan inte vara före startdatumet." in text
    assert 'value="Örjan Öberg"' in text and 'value="2027-08-01"' in text
    assert HostingOffer.objects.count() == 0


def test_add_period_without_javascript_keeps_the_input_and_shows_no_errors(client, frozen_now):
    data = valid_data(add_period="1", contact_name="Anna", email="not checked yet")
    response = client.post(url("hosting_offer"), data)
    assert response.status_code == 200
    text = response.text
    assert "error-summary" not in text
    assert 'name="periods-1-starts_on"' in text and "autofocus" in text
    assert 'value="2027-09-01"' in text and 'value="not checked yet"' in text
    assert 'name="periods-TOTAL_FORMS" value="2"' in text
    assert HostingOffer.objects.count() == 0


def test_remove_period_and_forged_remove_values(client, frozen_now):
    data = valid_data(
        **{
            "periods-TOTAL_FORMS": "2",
            "periods-1-starts_on": "2027-11-01",
            "periods-1-ends_on": "2027-11-05",
            "remove_period": "0",
        }
    )
    text = client.post(url("hosting_offer"), data).text
    assert 'value="2027-11-01"' in text and 'value="2027-09-01"' not in text
    for forged in ("x", "-5", "999"):
        response = client.post(url("hosting_offer"), {**data, "remove_period": forged})
        assert response.status_code == 200


@pytest.mark.parametrize(
    "tampering",
    [
        {"periods-TOTAL_FORMS": "abc"},
        {"periods-TOTAL_FORMS": "100000"},
        {"periods-TOTAL_FORMS": None},
        {"organisation": "99999999"},
        {"capacity": "1e9"},
        {"themes": ["abc"]},
        {"programmes": ["999999"]},
        {"submission_token": "not-a-uuid"},
        {"email": "a@" + "b" * 300 + ".se"},
        {"message": "\x00\x01 hello"},
    ],
)
def test_tampered_posts_never_give_a_server_error(client, frozen_now, tampering):
    response = client.post(url("hosting_offer"), valid_data(**tampering))
    assert response.status_code in (200, 302)


def test_honeypot_saves_nothing_but_looks_like_success(client, frozen_now):
    response = client.post(url("hosting_offer"), valid_data(website="http://spam.example"))
    assert response.status_code == 302
    assert HostingOffer.objects.count() == 0 and OutboxMessage.objects.count() == 0


def test_rate_limit_keeps_the_input(client, frozen_now, settings):
    settings.ICLD_FORM_RATE_LIMIT = 1
    client.post(url("hosting_offer"), valid_data())
    response = client.post(url("hosting_offer"), valid_data(contact_name="Second try"))
    assert response.status_code == 429
    assert 'value="Second try"' in response.text


def test_sitemap_lists_programmes_and_hosting_pages_in_both_languages(client):
    make_programme(slug="leadership")
    make_programme(slug="draft", is_published=False)
    text = client.get("/sitemap.xml").content.decode()
    assert "/sv/utbildningsprogram/leadership/" in text
    assert "/en/training-programmes/leadership/" in text
    assert "/en/training-programmes/host-a-study-visit/offer/" in text
    assert "/sv/utbildningsprogram/vara-vardar/" in text
    assert "draft" not in text


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


@pytest.fixture
def no_rate_limit(settings):
    settings.ICLD_FORM_RATE_LIMIT = 10_000


def test_any_post_to_the_offer_form_gets_a_page_never_a_server_error(
    client, frozen_now, no_rate_limit
):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from programmes.tests.test_forms import FIELDS, field_values, to_querydict

    buttons = st.sampled_from(
        [{}, {"add_period": "1"}, {"remove_period": "0"}, {"remove_period": "x"}]
    )

    @settings(
        max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(st.dictionaries(st.sampled_from(FIELDS), field_values, max_size=8), buttons)
    def post(data, button):
        response = client.post(url("hosting_offer"), to_querydict({**data, **button}))
        assert response.status_code in (200, 302)

    post()
