"""Public pages of partnerships: landing page, list, detail, open data and maps."""

import csv
import io
import json

import pytest
from django.urls import reverse
from django.utils import translation

from partnerships.tests import factories
from partnerships.tests.helpers import count_queries, url


def page_urls(content, language):
    return [
        url("index", language),
        url("list", language),
        url("detail", language, slug=content["partnership"].slug),
        url("map_sweden", language),
        url("map_world", language),
    ]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_page_renders_in_each_language(client, content, language):
    for path in page_urls(content, language):
        response = client.get(path)
        assert response.status_code == 200, path
        assert f'<html lang="{language}">' in response.text, path
        assert 'aria-current="page"' in response.text, path


def test_swedish_and_english_urls_are_translated():
    assert url("list", "sv") == "/sv/kommunala-partnerskap/partnerskap/"
    assert url("list", "en") == "/en/municipal-partnerships/partnerships/"
    assert url("map_sweden", "sv") == "/sv/kommunala-partnerskap/karta/sverige/"


@pytest.mark.parametrize(
    "language,title", [("sv", "Stöd till övergivna barn"), ("en", "Helping left-behind children")]
)
def test_detail_shows_parties_story_and_contact_in_the_language(client, content, language, title):
    response = client.get(url("detail", language, slug="vara-huangshan"))
    text = response.text
    assert f'<h1 id="partnership-title">{title}</h1>' in text
    assert "Huangshan" in text and ("Vara kommun" in text or "Vara Municipality" in text)
    assert url("story", language, slug=content["story"].slug) in text
    assert "partnership@icld.se" in text
    assert url("organisation", language, slug="vara") in text


@pytest.mark.parametrize(
    "old,new",
    [
        ("/sv/kommunala-partnerskap/lander/kenya/?page=2", "/sv/lander/kenya/?page=2"),
        ("/en/municipal-partnerships/organisations/vara/", "/en/organisations/vara/"),
        ("/sv/kommunala-partnerskap/teman/", "/sv/teman/"),
    ],
)
def test_the_old_country_organisation_and_theme_addresses_lead_to_the_portal_pages(
    client, old, new
):
    response = client.get(old)
    assert response.status_code == 301 and response["Location"] == new


def test_language_switcher_on_the_detail_page_leads_to_the_same_partnership(client, content):
    response = client.get(url("detail", "sv", slug="vara-huangshan"))
    assert f'href="{url("detail", "en", slug="vara-huangshan")}"' in response.text


def test_staff_rich_text_is_sanitised(client, content):
    text = client.get(url("detail", "sv", slug="vara-huangshan")).text
    assert "<script>" not in text and "alert(1)" not in text
    text = client.get(url("detail", "en", slug="vara-huangshan")).text
    assert "onclick" not in text and "<p>Goals</p>" in text


def test_drafts_are_hidden_from_the_public_and_previewed_for_staff(client, staff_client):
    draft = factories.partnership(publish=False, title_sv="Hemligt utkast")
    assert client.get(url("detail", slug=draft.slug)).status_code == 404
    assert "Hemligt utkast" not in client.get(url("list")).text
    response = staff_client.get(url("detail", slug=draft.slug))
    assert response.status_code == 200
    assert "Förhandsgranskning:" in response.text
    assert response["X-Robots-Tag"] == "noindex"


def test_a_password_alone_previews_no_draft(password_only_staff_client):
    draft = factories.partnership(publish=False, title_sv="Hemligt utkast")
    response = password_only_staff_client.get(url("detail", slug=draft.slug))
    assert response.status_code == 404
    assert "Hemligt utkast" not in response.text


def test_unknown_slugs_give_404(client):
    assert client.get(url("detail", slug="no-such-thing")).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=99999",
        "page=-1",
        "country=atlantis",
        "organisation=nowhere",
        "county=99",
        "theme=%00",
        "phase=x",
        "status=open",
        "year=abc",
        "year=1066",
        "sort=garbage",
        "q=" + "klimat+" * 500,
        "q=%00%01%1b%7f",
        "q=%22%27%5C%26%7C%21",
        "country=kenya&country=x",
        "q=Vara&sort=relevance&page=2",
    ],
)
def test_bad_parameters_give_a_normal_page(client, content, query):
    response = client.get(f"{url('list')}?{query}")
    assert response.status_code == 200
    for export in ("export_csv", "export_json"):
        assert client.get(f"{url(export)}?{query}").status_code == 200


def test_an_unusable_value_is_reported_and_ignored(client, content):
    response = client.get(f"{url('list')}?country=atlantis")
    assert "kunde inte användas" in response.text
    assert "1 partnerskap" in response.text


def test_list_filters_are_in_the_url_and_show_counts(client, content):
    factories.partnership(swedish_slugs=("ale",), country="KE", themes=("education",))
    response = client.get(f"{url('list')}?country=china&theme=children-and-youth")
    text = response.text
    assert "Stöd till övergivna barn" in text
    assert '<option value="china" selected>Kina (1)</option>' in text
    assert '<option value="kenya">Kenya (0)</option>' not in text
    assert '<option value="kenya">' not in text  # Kenya has no children-and-youth partnership
    assert "?country=china&amp;theme=children-and-youth" in text  # open data keeps the filters


def test_search_results_and_helpful_empty_state(client, content):
    assert "Stöd till övergivna barn" in client.get(f"{url('list')}?q=Huangshan").text
    empty = client.get(f"{url('list')}?q=ingenting+alls&country=china").text
    assert "Inget partnerskap matchar allt detta." in empty
    assert "Ta bort ett av filtren ovan" in empty


def test_the_list_returns_only_the_results_fragment_for_scripts(client, content):
    response = client.get(url("list"), HTTP_X_PARTNERSHIPS_PARTIAL="results")
    assert "<html" not in response.text
    assert 'class="with-sidebar"' in response.text
    assert "X-Partnerships-Partial" in response["Vary"]


def test_open_data_csv_and_json_have_stable_columns_in_both_languages(client, content):
    response = client.get(f"{url('export_csv')}?country=china")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )
    assert len(rows) == 1
    row = rows[0]
    assert row["title_sv"] == "Stöd till övergivna barn"
    assert row["title_en"] == "Helping left-behind children"
    assert row["country_en"] == "China" and row["country_sv"] == "Kina"
    assert row["swedish_organisations_sv"] == "Vara kommun"
    assert row["url_en"].endswith("/en/municipal-partnerships/partnerships/vara-huangshan/")
    data = json.loads(client.get(f"{url('export_json', 'en')}?q=Huangshan").content)
    assert data["count"] == 1
    assert list(data["partnerships"][0]) == data["columns"]
    assert data["partnerships"][0]["themes_sv"] == ["Barn och ungas inflytande"]
    assert client.get(f"{url('export_json')}?country=kenya").json()["count"] == 0


def test_maps_link_into_the_filtered_list_and_have_a_text_alternative(client, content):
    sweden = client.get(url("map_sweden")).text
    assert f"{url('list')}?organisation=vara" in sweden
    assert "<table>" in sweden and "Vara kommun" in sweden
    assert 'aria-label="Vara kommun: 1 partnerskap"' in sweden
    world = client.get(url("map_world", "en")).text
    assert f"{url('list', 'en')}?country=china" in world
    assert 'aria-label="China: 1 partnership"' in world


def test_index_shows_live_figures_and_latest_stories(client, content):
    text = client.get(url("index")).text
    assert "Pågående partnerskap" in text
    assert "De hjälper övergivna barn" in text


# --- A fixed number of queries whatever the number of rows --------------------------------


def query_count_urls(content):
    slug = content["partnership"].slug
    return [
        url("index"),
        url("list"),
        f"{url('list')}?q=barn&country=kenya&theme=education&year=2015",
        f"{url('list')}?organisation=vara&county=14&sort=title&page=2",
        url("detail", slug=slug),
        url("map_sweden"),
        url("map_world"),
    ]


def test_long_lists_use_the_shared_pagination_and_keep_their_filters(client):
    factories.more_partnerships_in_kenya(25)  # in Kenya with Vara: two pages of 20
    listing = client.get(f"{url('list')}?country=kenya&sort=title&page=2").text
    assert '<nav class="pagination" aria-label="Sidor">' in listing
    assert '<span aria-current="page"><span class="visually-hidden">Sida </span>2</span>' in listing
    assert 'href="?country=kenya&amp;page=1&amp;sort=title" rel="prev">Föregående</a>' in listing
    # The portal's country, organisation and theme pages list the partnerships the same way.
    for name, slug in (("country", "kenya"), ("organisation", "vara"), ("theme", "education")):
        with translation.override("sv"):
            path = reverse(f"portal:{name}", kwargs={"slug": slug})
        page = client.get(path).text
        assert 'href="?page=2" rel="next">Nästa</a>' in page, name


def test_pages_run_the_same_number_of_queries_at_two_data_sizes(
    client, content, django_assert_num_queries
):
    factories.more_partnerships_in_kenya(3)
    before = {path: count_queries(client, path) for path in query_count_urls(content)}
    factories.more_partnerships_in_kenya(25)
    for path, count in before.items():
        with django_assert_num_queries(count, info=path):
            client.get(path)
    assert before[url("detail", slug=content["partnership"].slug)] <= 12
    assert before[url("list")] <= 14


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_search_of_several_words_costs_no_query_more_than_one_of_a_word(
    client, content, django_assert_num_queries, language
):
    """With only words to search by, the facet count says whether anything has them all;
    when nothing has, the list shows what has any of them."""
    from core import search

    search.lexemes(["huangshan", "vara"])  # as a running server has them
    one_word = count_queries(client, url("list", language) + "?q=Huangshan")
    with django_assert_num_queries(one_word):
        every = client.get(url("list", language) + "?q=Huangshan+Vara")
    assert every.context["filters"].any_word is False
    assert every.context["page_obj"].paginator.count == 1
    # No partnership has both: those with any of them (and a "did you mean" for the other).
    some = client.get(url("list", language) + "?q=Huangshan+Petrovitsj")
    assert some.context["filters"].any_word is True
    assert [p.slug for p in some.context["page_obj"].object_list] == ["vara-huangshan"]


def test_images_show_with_alt_text_in_the_visitors_language(client, content):
    from core.tests.test_images import library_image
    from partnerships.models import PartnershipImage

    image = library_image(
        alt_sv="Barn leker på ett centrum i Huangshan",
        alt_en="Children playing at a centre in Huangshan",
    )
    PartnershipImage.objects.create(partnership=content["partnership"], image=image)
    text = client.get(url("detail", "en", slug="vara-huangshan")).text
    assert 'alt="Children playing at a centre in Huangshan"' in text
    assert f"/media/renditions/{image.key.hex}/800.webp 800w" in text
    assert image.file.name not in text  # renditions only, never the original


def test_the_list_loads_its_live_filters_script(client):
    """Filters apply as they change (static/js/live-filter.js); the page works without it."""
    text = client.get(url("list")).text
    assert 'src="/static/js/live-filter.js"' in text
    assert "data-live-filters" in text
