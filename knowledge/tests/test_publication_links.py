"""A publication's ``theme_ids`` and ``country_ids`` (read by the facets from the covering
index) are the database's copies of its link tables: whatever writes the links or the row,
the copies say what the links say, and the library counts by them."""

import pytest
from django.db import connection
from django.http import QueryDict

from knowledge import search as library
from knowledge.models import Publication
from knowledge.tests.factories import make_publication
from reference.models import Country, Theme

pytestmark = pytest.mark.django_db


def copies(publication: Publication) -> tuple[list, list]:
    return tuple(Publication.objects.values_list("theme_ids", "country_ids").get(pk=publication.pk))


def test_the_copies_follow_every_way_the_links_are_written():
    education, gender = (
        Theme.objects.get(slug="education"),
        Theme.objects.get(slug="gender-equality"),
    )
    kenya, serbia = Country.objects.get(code="KE"), Country.objects.get(code="RS")
    publication = make_publication(themes=[gender, education], countries=[serbia])
    assert copies(publication) == (sorted([education.pk, gender.pk]), ["RS"])

    publication.countries.add(kenya)
    publication.themes.remove(gender)
    assert copies(publication) == ([education.pk], ["KE", "RS"])

    # A link written past the ORM, and a whole table emptied, are followed too.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE knowledge_publication_themes SET theme_id = %s WHERE publication_id = %s",
            [gender.pk, publication.pk],
        )
    assert copies(publication) == ([gender.pk], ["KE", "RS"])
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # Django's are deferred to the commit
        cursor.execute("TRUNCATE knowledge_publication_countries")
    assert copies(publication) == ([gender.pk], [])
    publication.themes.clear()
    assert copies(publication) == ([], [])


def test_a_save_from_an_old_copy_of_the_row_cannot_write_old_links_back():
    education = Theme.objects.get(slug="education")
    publication = make_publication(themes=[education])
    stale = Publication.objects.get(pk=publication.pk)
    publication.themes.clear()
    stale.title_en = "Saved from a form opened before the change"
    stale.save()
    assert copies(publication) == ([], [])


def test_a_search_counts_themes_and_countries_as_the_links_say():
    education, gender = (
        Theme.objects.get(slug="education"),
        Theme.objects.get(slug="gender-equality"),
    )
    kenya = Country.objects.get(code="KE")
    first = make_publication(title_en="Local democracy", themes=[education], countries=[kenya])
    make_publication(title_en="Democracy at school", themes=[education, gender])
    first.themes.set([gender])

    query = library.LibraryQuery.from_params(QueryDict("q=democracy"))
    themes, countries = library._vocabulary()

    def base(skip=""):
        return library.filtered_publications(
            query,
            theme_ids={t.slug: t.pk for t in themes},
            country_ids={c.slug: c.pk for c in countries},
            skip=skip,
        )

    found = library.facet_counts(query, base)
    assert found["theme"] == {str(gender.pk): 2, str(education.pk): 1}
    assert found["country"] == {"KE": 1}
