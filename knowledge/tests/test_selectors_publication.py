import pytest
from django.utils import translation

from knowledge import selectors
from knowledge.tests.factories import make_event, make_past_event, make_publication
from reference.models import Country, Organisation, Theme

pytestmark = pytest.mark.django_db


def test_figures_count_upcoming_events_and_published_publications(django_assert_num_queries):
    make_event()
    make_past_event()
    make_publication()
    make_publication(is_published=False)
    with translation.override("sv"), django_assert_num_queries(2):
        figures = selectors.figures()
        assert [f["value"] for f in figures] == [1, 1]
        assert str(figures[0]["label"]) == "Kommande seminarier och workshoppar"


def test_publications_and_events_for_a_country_theme_or_organisation():
    kenya = Country.objects.get(code="KE")
    theme = Theme.objects.get(slug="gender-equality")
    vara = Organisation.objects.get(slug="vara")
    on_all = make_publication(countries=[kenya], themes=[theme], organisations=[vara])
    make_publication()
    make_publication(countries=[kenya], themes=[theme], is_published=False)
    assert list(selectors.publications_for_country(kenya)) == [on_all]
    assert list(selectors.publications_for_theme(theme)) == [on_all]
    assert list(selectors.publications_for_organisation(vara)) == [on_all]
    event = make_event()
    event.themes.add(theme)
    event.countries.add(kenya)
    old = make_past_event()
    old.themes.add(theme)
    assert list(selectors.events_for_theme(theme)) == [event]
    assert list(selectors.events_for_country(kenya)) == [event]


def test_work_sharing_themes_and_countries_asks_every_registered_source():
    from core import registries
    from core.related import RelatedSource
    from knowledge.models import Publication

    kenya = Country.objects.get(code="KE")
    theme = Theme.objects.get(slug="gender-equality")
    publication = make_publication(countries=[kenya], themes=[theme])
    on_theme = make_publication(themes=[theme])
    in_kenya = make_publication(countries=[kenya])
    make_publication()
    source = RelatedSource(
        key="test",
        label="Test item",
        for_theme=lambda t: Publication.objects.filter(themes=t),
        for_country=lambda c: Publication.objects.filter(countries=c),
    )
    with registries.related_work.registered("test", source):
        groups = selectors.work_sharing_themes_and_countries(publication)
    found = {group.source.key: set(group.items) for group in groups}
    assert found["test"] == {publication, on_theme, in_kenya}
    # The partnerships and programmes apps register theirs; they have nothing here.
    assert {"partnerships", "programmes"} <= set(registries.related_work)
    assert set(found) == {"test"}
