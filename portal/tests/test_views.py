"""The country, organisation and theme pages and their indexes, in both languages."""

import pytest

from partnerships.tests import factories
from partnerships.tests.helpers import count_queries, url
from reference.models import Organisation


def page_urls(content, language):
    return [
        url("country_index", language),
        url("country", language, slug="china"),
        url("organisation", language, slug="vara"),
        url("organisation", language, slug=content["huangshan"].slug),
        url("theme_index", language),
        url("theme", language, slug="children-and-youth"),
        url("organisation_index", language),
    ]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_page_renders_in_each_language(client, content, language):
    for path in page_urls(content, language):
        response = client.get(path)
        assert response.status_code == 200, path
        assert f'<html lang="{language}">' in response.text, path
        assert 'aria-current="page"' in response.text, path


def test_swedish_and_english_urls_are_translated():
    assert url("country", "sv", slug="kenya") == "/sv/lander/kenya/"
    assert url("organisation", "sv", slug="vara") == "/sv/organisationer/vara/"
    assert url("organisation_index", "sv") == "/sv/organisationer/"
    assert url("organisation_index", "en") == "/en/organisations/"


def test_unknown_slugs_give_404(client):
    for name in ("country", "organisation", "theme"):
        assert client.get(url(name, slug="no-such-thing")).status_code == 404
    assert client.get(url("country", slug="sweden")).status_code == 404


def test_pages_run_the_same_number_of_queries_at_two_data_sizes(
    client, content, django_assert_num_queries
):
    paths = [
        url("country_index"),
        url("country", slug="kenya"),
        url("organisation", slug="vara"),
        url("theme_index"),
        url("theme", slug="education"),
    ]
    factories.more_partnerships_in_kenya(3)
    before = {path: count_queries(client, path) for path in paths}
    factories.more_partnerships_in_kenya(25)
    for path, count in before.items():
        with django_assert_num_queries(count, info=path):
            client.get(path)


def test_organisation_page_for_a_partner_abroad(client, content):
    huangshan: Organisation = content["huangshan"]
    text = client.get(url("organisation", "en", slug=huangshan.slug)).text
    assert "<h1>Huangshan Town Council</h1>" in text
    assert "Helping left-behind children" in text


def test_country_index_links_to_all_active_partnerships_of_a_busy_country(client):
    for year in range(2015, 2022):
        factories.partnership(country="KE", start_year=year)
    text = client.get(url("country_index")).text
    assert "Alla 7 pågående partnerskap i Kenya" in text
    assert f"{url('list')}?country=kenya&amp;status=active" in text


def test_organisation_index_lists_both_sides_with_their_counts(
    client, django_assert_max_num_queries
):
    factories.partnership(country="KE", start_year=2020)
    factories.partnership(country="KE", start_year=2021, publish=False)
    with django_assert_max_num_queries(12):
        response = client.get(url("organisation_index"))
    text = response.text
    assert response.status_code == 200
    assert "Svenska kommuner och regioner" in text and "Partnerorganisationer" in text
    assert "Kenya" in text
    assert "1 partnerskap, 1 pågående" in text or "1 partnerskap, 0 pågående" in text
    assert "2 partnerskap" not in text  # the draft is not counted


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.django_db
def test_an_organisation_page_lists_the_upcoming_events_it_takes_part_in(client, language):
    from django.urls import reverse
    from django.utils import translation

    from knowledge.tests.factories import make_event, make_past_event
    from reference.models import Organisation

    vara = Organisation.objects.get(slug="vara")
    hosted = make_event(title_sv="Varaseminariet", title_en="The Vara seminar")
    hosted.organisations.add(vara)
    past = make_past_event(title_sv="Gammalt seminarium", title_en="An old seminar")
    past.organisations.add(vara)
    other = make_event(title_sv="Annat seminarium", title_en="Another seminar")
    with translation.override(language):
        page = client.get(reverse("portal:organisation", kwargs={"slug": "vara"})).text
    assert (hosted.title_sv if language == "sv" else hosted.title_en) in page
    assert past.title_en not in page and past.title_sv not in page
    assert other.title_en not in page and other.title_sv not in page
