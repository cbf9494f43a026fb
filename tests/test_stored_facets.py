"""The facet counts of the whole partnership list and the whole library are kept by the
database (core.facets): whatever staff change, the counts a visitor sees are the rows' own.

Each test changes what the counts read, the way staff or a bulk job would, and compares what
the list shows with counts made here from the rows by the ORM.
"""

import threading
from collections import Counter

import pytest
from django.db import connection, transaction
from django.http import QueryDict
from django.utils import translation

from knowledge import search as library
from knowledge.models import Publication
from knowledge.tests.factories import make_publication
from partnerships import selectors
from partnerships.models import Partnership
from partnerships.tests import factories
from reference.models import Country, County, Organisation, Theme

pytestmark = pytest.mark.django_db

PARTNERSHIP_FACETS = ("country", "organisation", "county", "theme", "phase", "status")


def shown_partnership_counts() -> dict[str, dict[str, int]]:
    facets = selectors.partnership_facets(selectors.PartnershipFilters())
    return {
        name: {option.value: option.count for option in facets[name].options}
        for name in PARTNERSHIP_FACETS
    }


def counted_partnerships() -> dict[str, dict[str, int]]:
    published = list(
        Partnership.objects.published().prefetch_related("swedish_organisations__county", "themes")
    )
    counts = {name: Counter() for name in PARTNERSHIP_FACETS}
    for partnership in published:
        counts["country"][partnership.country.slug] += 1
        counts["phase"][partnership.phase] += 1
        counts["status"][partnership.status] += 1
        swedish = list(partnership.swedish_organisations.all())
        for organisation in swedish:
            counts["organisation"][organisation.slug] += 1
        for code in {o.county.code for o in swedish if o.county}:
            counts["county"][code] += 1
        for theme in partnership.themes.all():
            counts["theme"][theme.slug] += 1
    return {name: dict(counter) for name, counter in counts.items()}


def assert_partnership_counts_are_the_rows():
    assert shown_partnership_counts() == counted_partnerships()


def test_the_whole_list_is_counted_in_one_small_query(django_assert_num_queries):
    factories.partnership()
    with django_assert_num_queries(1):
        selectors.partnership_facets(selectors.PartnershipFilters())


def test_partnership_counts_follow_every_change_staff_make():
    first = factories.partnership(themes=("education", "gender-equality"))
    second = factories.partnership(swedish_slugs=("vara", "ale"), country="CN")
    draft = factories.partnership(publish=False, themes=("education",))
    assert_partnership_counts_are_the_rows()  # the draft counts nowhere

    second.status = Partnership.Status.COMPLETED
    second.save()
    assert_partnership_counts_are_the_rows()

    first.themes.remove(Theme.objects.get(slug="education"))
    second.themes.add(Theme.objects.get(slug="education"))
    assert_partnership_counts_are_the_rows()

    draft.is_published = True
    draft.save()
    assert_partnership_counts_are_the_rows()
    Partnership.objects.filter(pk=first.pk).update(is_published=False)  # a bulk change
    assert_partnership_counts_are_the_rows()

    # The county of a Swedish party moves (a reorganisation): counted under its new county.
    ale = Organisation.objects.get(slug="ale")
    ale.county = County.objects.exclude(pk=ale.county_id).first()
    ale.save()
    assert_partnership_counts_are_the_rows()

    second.swedish_organisations.clear()
    assert_partnership_counts_are_the_rows()
    second.delete()
    assert_partnership_counts_are_the_rows()


def test_partnership_counts_carry_the_names_staff_give():
    factories.partnership(themes=("education",))
    theme = Theme.objects.get(slug="education")
    theme.name_en = "Schools and learning"
    theme.save()
    country = Country.objects.get(code="KE")
    country.name_sv = "Republiken Kenya"
    country.save()
    with translation.override("en"):
        themes = selectors.partnership_facets(selectors.PartnershipFilters())["theme"].options
    assert [option.label for option in themes] == ["Schools and learning"]
    with translation.override("sv"):
        countries = selectors.partnership_facets(selectors.PartnershipFilters())["country"]
    assert [option.label for option in countries.options] == ["Republiken Kenya"]


def test_a_facet_chosen_alone_still_offers_every_value_with_its_count():
    factories.partnership(themes=("education",))
    factories.partnership(themes=("gender-equality",))
    education = Theme.objects.get(slug="education")
    facets = selectors.partnership_facets(selectors.PartnershipFilters(theme=education))
    assert {o.value: o.count for o in facets["theme"].options} == {
        "education": 1,
        "gender-equality": 1,
    }
    assert [o.value for o in facets["theme"].options if o.selected] == ["education"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_editors_saving_at_once_leave_the_counts_of_both():
    """The second writer waits for the first to commit, then counts both; without that, each
    would store its counts beside the other's (every count twice)."""
    first, second = factories.partnership(), factories.partnership()
    started, done = threading.Event(), threading.Event()

    def second_editor():
        try:
            started.wait(5)
            # One statement: its counts are the last ones written.
            Partnership.objects.filter(pk=second.pk).update(status=Partnership.Status.COMPLETED)
        finally:
            connection.close()
            done.set()

    worker = threading.Thread(target=second_editor)
    worker.start()
    with transaction.atomic():
        Partnership.objects.filter(pk=first.pk).update(status=Partnership.Status.COMPLETED)
        started.set()
        # The second editor's change is now waiting for this transaction.
        assert not done.wait(0.5)
    worker.join(10)
    assert done.is_set()
    assert_partnership_counts_are_the_rows()
    assert shown_partnership_counts()["status"] == {"completed": 2}


def shown_library_counts() -> dict[str, dict[str, int]]:
    with translation.override("en"):
        result = library.library_search(QueryDict(""))
    return {
        name: {option.value: option.count for option in options}
        for name, options in result.facets.items()
    }


def counted_library() -> dict[str, dict[str, int]]:
    counts = {name: Counter() for name in ("type", "year", "theme", "country", "language")}
    for publication in Publication.objects.published().prefetch_related("themes", "countries"):
        counts["type"][publication.type] += 1
        counts["year"][str(publication.year)] += 1
        for theme in publication.themes.all():
            counts["theme"][theme.slug] += 1
        for country in publication.countries.all():
            counts["country"][country.slug] += 1
        for language in publication.document_languages:
            counts["language"][language] += 1
    return {name: dict(counter) for name, counter in counts.items()}


def test_library_counts_follow_every_change_staff_make():
    education, gender = Theme.objects.filter(slug__in=("education", "gender-equality"))
    kenya = Country.objects.get(code="KE")
    first = make_publication(themes=[education], countries=[kenya], document_languages=["sv"])
    second = make_publication(
        themes=[education, gender], year=2018, type=Publication.Type.POLICY_BRIEF
    )
    make_publication(is_published=False, themes=[gender])
    assert shown_library_counts() == counted_library()

    second.document_languages = ["en", "sv"]
    second.year = 2019
    second.save()
    first.countries.clear()
    first.themes.add(gender)
    assert shown_library_counts() == counted_library()

    Publication.objects.filter(pk=first.pk).update(is_published=False)
    assert shown_library_counts() == counted_library()
    second.delete()
    assert (
        shown_library_counts()
        == counted_library()
        == {
            "type": {},
            "year": {},
            "theme": {},
            "country": {},
            "language": {},
        }
    )


ONE_OR_TWO_FILTERS = (
    "theme=education",
    "country=kenya",
    "type=policy_brief",
    "year=2019",
    "language=sv",
    "theme=education&type=policy_brief",
    "country=kenya&year=2019",
    "language=sv&theme=gender-equality",
)


def shown_library_facets(params: str) -> dict[str, dict[str, int]]:
    with translation.override("en"):
        result = library.library_search(QueryDict(params))
    return {
        name: {option.value: option.count for option in options if option.count}
        for name, options in result.facets.items()
    }


def counted_library_facets(params: str) -> dict[str, dict[str, int]]:
    """Each facet over the published rows matching every filter but its own, by the ORM."""
    chosen = QueryDict(params)

    def values(publication) -> dict[str, set[str]]:
        return {
            "type": {publication.type},
            "year": {str(publication.year)},
            "theme": {theme.slug for theme in publication.themes.all()},
            "country": {country.slug for country in publication.countries.all()},
            "language": set(publication.document_languages),
        }

    rows = [
        values(p) for p in Publication.objects.published().prefetch_related("themes", "countries")
    ]
    counts = {}
    for name in ("type", "year", "theme", "country", "language"):
        counter = Counter()
        for row in rows:
            others = [key for key in chosen if key != name]
            if all(row[key] & set(chosen.getlist(key)) for key in others):
                counter.update(row[name])
        counts[name] = dict(counter)
    return counts


def test_library_counts_with_one_or_two_filters_follow_every_change_staff_make():
    """With one value chosen, the database's stored counts of that value answer (migration
    0023); each must be what the rows give, before and after staff change them."""
    education = Theme.objects.get(slug="education")
    gender = Theme.objects.get(slug="gender-equality")
    kenya = Country.objects.get(code="KE")
    first = make_publication(
        themes=[education], countries=[kenya], document_languages=["sv"], year=2019
    )
    second = make_publication(
        themes=[education, gender], year=2018, type=Publication.Type.POLICY_BRIEF
    )
    third = make_publication(
        themes=[gender], countries=[kenya], type=Publication.Type.POLICY_BRIEF, year=2019
    )
    make_publication(is_published=False, themes=[education], countries=[kenya], year=2019)

    def assert_counts_are_the_rows():
        for params in ONE_OR_TWO_FILTERS:
            assert shown_library_facets(params) == counted_library_facets(params), params

    assert_counts_are_the_rows()
    assert shown_library_facets("theme=education")["type"] == {
        "research_report": 1,
        "policy_brief": 1,
    }
    second.document_languages = ["en", "sv"]
    second.year = 2019
    second.save()
    first.countries.clear()
    third.themes.add(education)
    assert_counts_are_the_rows()
    Publication.objects.filter(pk=third.pk).update(is_published=False)
    assert_counts_are_the_rows()
    Publication.themes.through.objects.filter(theme=education).delete()
    assert_counts_are_the_rows()
    assert shown_library_facets("theme=education")["type"] == {}
