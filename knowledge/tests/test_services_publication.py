import pytest

from knowledge import services
from knowledge.tests.factories import make_person, make_publication

pytestmark = pytest.mark.django_db


def test_publication_authors_keep_their_order_and_feed_the_search_text():
    a, b, c = (
        make_person(given_names="Ann", family_name="A"),
        make_person(given_names="Bo", family_name="B"),
        make_person(given_names="Cy", family_name="C"),
    )
    publication = make_publication()
    services.publication_set_authors(publication=publication, people=[b, a])
    publication.refresh_from_db()
    assert publication.author_names == "Bo B, Ann A"
    services.publication_set_authors(publication=publication, people=[a, c])
    publication.refresh_from_db()
    assert publication.author_names == "Ann A, Cy C"
    c.family_name = "Sea"
    c.save()
    publication.refresh_from_db()
    assert publication.author_names == "Ann A, Cy Sea"
    publication.author_names = "stale"
    publication.save()
    publication.refresh_from_db()
    assert publication.author_names == "Ann A, Cy Sea"
