"""Public pages of stories: the list, one story, and the Atom feed, in both languages."""

import pytest

from partnerships.tests import factories
from partnerships.tests.helpers import count_queries, url


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_page_renders_in_each_language(client, content, language):
    for path in (
        url("story_list", language),
        url("story", language, slug=content["story"].slug),
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert f'<html lang="{language}">' in response.text, path
        assert 'aria-current="page"' in response.text, path


def test_swedish_and_english_urls_are_translated():
    assert url("story_list", "sv") == "/sv/kommunala-partnerskap/berattelser/"


def test_drafts_are_hidden_from_the_public_and_previewed_for_staff(client, staff_client):
    draft = factories.partnership(publish=False, title_sv="Hemligt utkast")
    story = factories.story(partnerships=[draft], publish=False)
    assert client.get(url("story", slug=story.slug)).status_code == 404
    assert staff_client.get(url("story", slug=story.slug)).status_code == 200


def test_a_password_alone_previews_no_story_draft(password_only_staff_client):
    draft = factories.partnership(publish=False)
    story = factories.story(partnerships=[draft], publish=False)
    assert password_only_staff_client.get(url("story", slug=story.slug)).status_code == 404


def test_unknown_slugs_give_404(client):
    assert client.get(url("story", slug="no-such-thing")).status_code == 404


def test_story_feed_is_atom_in_each_language(client, content):
    for language, title in (
        ("sv", "De hjälper övergivna barn"),
        ("en", "Helping left-behind children (story)"),
    ):
        response = client.get(url("story_feed", language))
        assert response["Content-Type"].startswith("application/atom+xml")
        assert f'xml:lang="{language}"' in response.text
        assert title in response.text
        assert url("story", language, slug=content["story"].slug) in response.text


def test_pages_run_the_same_number_of_queries_at_two_data_sizes(
    client, content, django_assert_num_queries
):
    paths = [url("story_list"), url("story", slug=content["story"].slug)]
    factories.more_partnerships_in_kenya(3)
    before = {path: count_queries(client, path) for path in paths}
    factories.more_partnerships_in_kenya(25)
    for path, count in before.items():
        with django_assert_num_queries(count, info=path):
            client.get(path)
