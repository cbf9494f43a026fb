"""Drafts of events, calls, publications and programmes: previewed by verified staff in both
languages, never shown to the public or to a password-only session."""

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def drafts():
    from knowledge.models import Event, Publication, ResearchCall
    from programmes.models import Programme

    found = []
    for model in (Event, ResearchCall, Publication, Programme):
        item = model.objects.order_by("pk").first()
        assert item is not None, model
        model.objects.filter(pk=item.pk).update(is_published=False)
        item.refresh_from_db()
        found.append(item)
    return found


@pytest.fixture
def demo(db):
    from io import StringIO

    from django.core.management import call_command

    call_command("seed_demo", allow_production=True, stdout=StringIO())


def test_drafts_are_previewed_by_verified_staff_in_both_languages(
    demo, client, staff_client, password_only_staff_client
):
    for item in drafts():
        for language in ("sv", "en"):
            with translation.override(language):
                url = item.get_absolute_url()
            assert client.get(url).status_code == 404, url
            assert password_only_staff_client.get(url).status_code == 404, url
            preview = staff_client.get(url)
            assert preview.status_code == 200, url
            assert f'<html lang="{language}">' in preview.text
            assert ("Förhandsgranskning:" if language == "sv" else "Preview:") in preview.text
            assert preview["X-Robots-Tag"] == "noindex"
            assert "no-store" in preview["Cache-Control"]


def test_admin_links_to_the_previews(demo, staff_client):
    from knowledge.models import Event

    event = Event.objects.order_by("pk").first()
    Event.objects.filter(pk=event.pk).update(is_published=False)
    page = staff_client.get(reverse("admin:knowledge_event_change", args=[event.pk]))
    assert page.status_code == 200
    assert 'class="preview-links"' in page.text
    with translation.override("en"):
        assert event.get_absolute_url() in page.text
