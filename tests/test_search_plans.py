"""The query plans search and the lists rely on stay indexed as the data grows.

A few thousand partnerships and publications (the benchmark's own generators, bulk inserted),
committed and vacuumed as autovacuum would leave them, then ``EXPLAIN`` of the main queries:
each must read its index, never walk the big table row by row (a ``Seq Scan``). A plan that
is fine at fifty rows and a sequential scan at fifty thousand shows here first.
"""

import io

import pytest
from django.db import connection, transaction
from django.db.models import F
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from bench.datasets import knowledge as knowledge_data
from bench.datasets import partnerships as partnership_data
from core import search
from knowledge import search as library
from knowledge.models import Publication
from partnerships import selectors
from partnerships.models import Partnership
from reference.models import Organisation

pytestmark = [pytest.mark.django_db, pytest.mark.scale]

PARTNERSHIPS, PUBLICATIONS = 3_000, 6_000
BIG_TABLES = ("partnerships_partnership", "knowledge_publication")


@pytest.fixture(scope="module")
def grown(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        known = set(Organisation.objects.values_list("pk", flat=True))
        with transaction.atomic(), translation.override("sv"):
            partnership_data.generate(
                scale=PARTNERSHIPS / partnership_data.FULL["partnerships"], stdout=io.StringIO()
            )
            knowledge_data._publications(PUBLICATIONS)
        with connection.cursor() as cursor:
            for table in (*BIG_TABLES, "partnerships_partnership_themes"):
                cursor.execute(f"VACUUM ANALYZE {table}")
        yield
        with connection.cursor() as cursor:
            cursor.execute(
                "TRUNCATE partnerships_partnership, partnerships_story, "
                "partnerships_interestregistration, partnerships_partnerseeker, "
                "knowledge_publication, knowledge_person CASCADE"
            )
            # Fresh statistics of the now empty tables: the planner must not plan the next
            # tests' fifty rows with these thousands' word frequencies.
            for table in (*BIG_TABLES, "partnerships_partnership_themes"):
                cursor.execute(f"ANALYZE {table}")
        Organisation.objects.exclude(pk__in=known).delete()


def plan(sql: str, params=()) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def assert_indexed(text: str, index: str) -> None:
    assert index in text, text
    for table in BIG_TABLES:
        assert f"Seq Scan on {table} " not in text, text


def ranked_page(model, words: str):
    found = search.ranked(model.objects.published(), words)
    return found.queryset.order_by(F("rank").desc(), "-pk").values("pk")[:20]


@pytest.mark.parametrize("words", ["klimat", "lokal demokrati", "Malmo", "Petrovic"])
@pytest.mark.parametrize(
    ("model", "index"),
    [(Partnership, "partnership_search_gin"), (Publication, "knowledge_pub_search")],
)
def test_full_text_search_reads_the_gin_index(grown, model, index, words):
    assert model.objects.published().count() > 2_000
    assert_indexed(plan(*ranked_page(model, words).query.sql_with_params()), index)


def test_the_partnership_facets_read_their_covering_index(grown):
    filters = selectors.PartnershipFilters(status="active")
    with CaptureQueriesContext(connection) as queries:
        selectors.partnership_facets(filters)
    (statement,) = [query["sql"] for query in queries.captured_queries]
    assert_indexed(plan(statement), "Index Only Scan using partnership_facets")


@pytest.mark.parametrize(
    "facets",
    [
        lambda: selectors.partnership_facets(selectors.PartnershipFilters()),
        lambda: library.library_search(QueryDict("")),
    ],
    ids=["partnerships", "library"],
)
def test_the_whole_lists_facets_are_the_stored_counts(grown, facets):
    with CaptureQueriesContext(connection) as queries, translation.override("en"):
        facets()
    statements = [query["sql"] for query in queries.captured_queries]
    counts = [sql for sql in statements if "core_facet_count" in sql]
    assert len(counts) == 1
    for table in BIG_TABLES:
        assert table not in counts[0]


def library_statements(params: str) -> tuple[str, list[str]]:
    """The library's facet statement for ``params`` and every statement its page ran."""
    with CaptureQueriesContext(connection) as queries, translation.override("en"):
        result = library.library_search(QueryDict(params))
        list(result.page.object_list)
    statements = [query["sql"] for query in queries.captured_queries]
    return next(sql for sql in statements if sql.startswith("WITH m AS")), statements


@pytest.mark.parametrize("params", ["q=democracy", "type=policy_brief&year=2019"])
def test_the_library_facets_and_page_are_indexed(grown, params):
    facets, statements = library_statements(params)
    assert_indexed(plan(facets), "knowledge_pub_")
    page = statements[-1]
    assert "knowledge_publication" in page
    for table in BIG_TABLES:
        assert f"Seq Scan on {table} " not in plan(page)


@pytest.mark.parametrize(
    "params", ["theme=gender-equality&type=research_report", "country=kenya&country=tanzania"]
)
def test_a_chosen_theme_or_country_reads_the_rows_own_links(grown, params):
    facets, _statements = library_statements(params)
    # Publication.theme_ids and country_ids, not a join of the link tables for each count.
    assert "knowledge_publication_themes" not in facets
    assert "knowledge_publication_countries" not in facets
    assert_indexed(plan(facets), "knowledge_pub_")


def test_the_site_search_of_partnerships_and_publications_is_indexed(grown):
    from portal.search import site_search

    with CaptureQueriesContext(connection) as queries, translation.override("sv"):
        site_search("lokal demokrati")
    statements = [
        query["sql"]
        for query in queries.captured_queries
        if any(f'FROM "{table}"' in query["sql"] for table in BIG_TABLES)
    ]
    plans = "\n".join(plan(statement) for statement in statements)
    # The candidates come from the GIN indexes, the rows shown by primary key.
    assert_indexed(plans, "partnership_search_gin")
    assert_indexed(plans, "knowledge_pub_search")


def test_the_site_search_of_content_pages_reads_their_stored_vector():
    """Pages are few, but each has a long body: their vector is stored (and indexed) like every
    other kind's, never computed for every page at every search."""
    from core.models import Page
    from portal.search import site_search

    body = "<p>" + " ".join(f"Stycke {n} om verksamheten och dess arbete." for n in range(60))
    Page.objects.bulk_create(
        Page(slug=f"sida-{n}", title_sv=f"Sida {n}", title_en="", body_sv=body) for n in range(400)
    )
    with CaptureQueriesContext(connection) as queries, translation.override("sv"):
        found = site_search("verksamheten")
    pages = next(group for group in found.groups if group.key == "pages")
    assert pages.total == 400
    union = next(query["sql"] for query in queries.captured_queries if "UNION ALL" in query["sql"])
    (of_pages,) = [part for part in union.split(" UNION ALL ") if 'FROM "core_page"' in part]
    assert '"core_page"."search_vector" @@' in of_pages
    assert "to_tsvector" not in of_pages
