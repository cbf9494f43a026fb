"""The public page cache keeps a list's live-filter results apart from the page itself: a
visitor without JavaScript who opens an address the filter script asked for gets the page."""

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from partnerships.tests.factories import partnership

pytestmark = pytest.mark.django_db

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_results_partial_and_the_page_are_cached_apart(settings, language):
    settings.ICLD_PAGE_CACHE_SECONDS = 300
    partnership(title_sv="Klimatarbete i Vara", title_en="Climate work in Vara")
    with override_settings(CACHES=LOCMEM), translation.override(language):
        cache.clear()
        url = reverse("partnerships:list") + "?sort=title"
        partial = Client().get(url, headers={"X-Partnerships-Partial": "results"})
        assert "<html" not in partial.text and "data-results-count" in partial.text
        page = Client().get(url)
        assert page.text.lstrip().startswith("<!DOCTYPE html>")
        again = Client().get(url)
        assert again["X-Page-Cache"] == "hit" and again.text == page.text
        partial_again = Client().get(url, headers={"X-Partnerships-Partial": "results"})
        assert partial_again["X-Page-Cache"] == "hit" and partial_again.text == partial.text
        cache.clear()
