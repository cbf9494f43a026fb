"""Content pages staff add and place under a section; the home page's texts; scheduled
publishing; previews of drafts in both languages."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from core.models import Page
from core.publishing import publish_due
from partnerships.models import Story
from partnerships.tests import factories
from portal.models import HomePage

pytestmark = pytest.mark.django_db


def page(**fields) -> Page:
    values = {"title_sv": "Sida", "title_en": "Page", "body_sv": "<p>Text</p>", **fields}
    created = Page(**values)
    created.full_clean()
    created.save()
    return created


def test_a_page_lives_under_its_section_in_both_languages(client):
    section = page(slug="var-verksamhet", title_sv="Vår verksamhet", title_en="What we do")
    child = page(slug="metoder", parent=section, title_sv="Metoder", title_en="Methods")
    page(slug="senare", parent=section, title_sv="Utkast", is_published=False)
    with translation.override("sv"):
        assert child.get_absolute_url() == "/sv/sidor/var-verksamhet/metoder/"
    with translation.override("en"):
        assert child.get_absolute_url() == "/en/pages/var-verksamhet/metoder/"
        assert "Methods" in client.get(child.get_absolute_url()).text
        listing = client.get(section.get_absolute_url()).text
    assert "In this section" in listing and "Methods" in listing
    assert "Utkast" not in listing  # a draft is not listed to visitors
    assert client.get("/sv/sidor/metoder/").status_code == 404  # not at another address


def test_a_new_page_needs_an_address():
    with pytest.raises(Exception) as error:
        page(slug=None)
    assert "slug" in error.value.message_dict


def test_drafts_are_previewed_only_by_verified_staff(
    client, staff_client, password_only_staff_client
):
    draft = page(slug="utkast", is_published=False, title_en="Draft page")
    url = draft.get_absolute_url()
    assert client.get(url).status_code == 404
    assert password_only_staff_client.get(url).status_code == 404
    response = staff_client.get(url)
    assert response.status_code == 200
    assert "this page is a draft" in response.text or "utkast" in response.text
    assert response["Cache-Control"] == "private, no-store"


def test_the_admin_links_a_drafts_preview_in_both_languages(staff_client):
    story = factories.story(partnerships=[factories.partnership()], publish=False)
    html = staff_client.get(reverse("admin:partnerships_story_change", args=[story.pk])).text
    with translation.override("sv"):
        swedish = story.get_absolute_url()
    with translation.override("en"):
        english = story.get_absolute_url()
    assert f'href="{swedish}" hreflang="sv"' in html
    assert f'href="{english}" hreflang="en"' in html


def test_a_draft_with_a_time_is_published_when_it_comes(client):
    partnership = factories.partnership()
    soon = factories.story(partnerships=[partnership], publish=False)
    later = factories.story(partnerships=[partnership], publish=False)
    now = timezone.now()
    Story.objects.filter(pk=soon.pk).update(publish_at=now - timedelta(minutes=1))
    Story.objects.filter(pk=later.pk).update(publish_at=now + timedelta(days=1))
    assert client.get(soon.get_absolute_url()).status_code == 404
    assert publish_due() == 1
    soon.refresh_from_db()
    later.refresh_from_db()
    assert soon.is_published and soon.published_at is not None and soon.publish_at is None
    assert not later.is_published
    assert client.get(soon.get_absolute_url()).status_code == 200
    assert publish_due() == 0  # once


def test_the_home_page_shows_what_staff_wrote_or_its_own_words(client):
    with translation.override("en"):
        assert "Local democracy, built together" in client.get(reverse("home")).text
    home = HomePage.objects.get()  # the one row, made by the migration
    home.heading_sv = "Demokrati nära människor"
    home.save()
    story = factories.story(partnerships=[factories.partnership()], title_en="Featured story")
    factories.story(partnerships=[factories.partnership()], title_en="Another story")
    home.featured_stories.set([story])
    from django.core.cache import cache

    cache.clear()
    with translation.override("en"):
        html = client.get(reverse("home")).text
    assert '<h1 lang="sv">Demokrati nära människor</h1>' in html  # the usual fallback
    assert "Featured story" in html and "Another story" not in html


def test_a_top_level_page_is_linked_from_every_pages_footer_once_published(client):
    added = page(slug="var-historia", title_sv="Vår historia", title_en="Our history")
    page(slug="kommande", title_sv="Kommande sida", is_published=False)
    page(slug="metod", parent=added, title_sv="Vår metod")
    for path in ("/sv/", "/sv/kommunala-partnerskap/"):
        footer = client.get(path).text.split('class="site-footer"')[1]
        assert f'href="{added.get_absolute_url()}"' in footer and "Vår historia" in footer
        assert "Kommande sida" not in footer  # a draft is not linked
        assert "Vår metod" not in footer  # a page in a section is linked from its section
    footer = client.get("/en/").text.split('class="site-footer"')[1]
    assert "Our history" in footer
    with translation.override("sv"):
        assert "Vår metod" in client.get(added.get_absolute_url()).text


def test_the_sitemap_lists_published_pages_and_no_draft(client):
    section = page(slug="om-arbetet", title_sv="Om arbetet")
    child = page(slug="delar", parent=section, title_sv="Delar")
    draft = page(slug="hemligt-utkast", title_sv="Utkast", is_published=False)
    sitemap = client.get("/sitemap.xml").text
    with translation.override("sv"):
        assert child.get_absolute_url() in sitemap and section.get_absolute_url() in sitemap
        assert draft.get_absolute_url() not in sitemap
