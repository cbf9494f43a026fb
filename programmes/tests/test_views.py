"""Every public page of the app at once: both languages, translated URLs, fixed query counts."""

import pytest

from programmes.models import ScheduledVisit
from programmes.tests.conftest import make_intake, make_programme, make_visit, municipality, url

pytestmark = pytest.mark.django_db


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


def test_sitemap_lists_programmes_and_hosting_pages_in_both_languages(client):
    make_programme(slug="leadership")
    make_programme(slug="draft", is_published=False)
    text = client.get("/sitemap.xml").content.decode()
    assert "/sv/utbildningsprogram/leadership/" in text
    assert "/en/training-programmes/leadership/" in text
    assert "/en/training-programmes/host-a-study-visit/offer/" in text
    assert "/sv/utbildningsprogram/vara-vardar/" in text
    assert "draft" not in text
