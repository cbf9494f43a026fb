"""The library's facet counts over every published publication, kept by the database
(core.facets).

The statement is the one knowledge.search counted the unfiltered library with, written out
here so that later changes to that module do not change this migration."""

from django.db import migrations

from core import facets

# Drafts are left out of the link tables' counts.
PUBLISHED_ONLY = (
    "NOT EXISTS (SELECT 1 FROM knowledge_publication d WHERE d.id = l.publication_id "
    "AND NOT d.is_published)"
)
COUNTING_SQL = " UNION ALL ".join(
    [
        # Type, year and languages (as bits) together: a few hundred groups, summed by the list.
        "SELECT 'grouped', p.type || ' ' || p.year::text || ' ' || "
        "p.document_language_bits::text, '', '', count(*) FROM knowledge_publication p "
        "WHERE p.is_published GROUP BY p.type, p.year, p.document_language_bits",
        "SELECT 'theme', l.theme_id::text, '', '', count(*) FROM knowledge_publication_themes l "
        f"WHERE {PUBLISHED_ONLY} GROUP BY l.theme_id",
        "SELECT 'country', l.country_id, '', '', count(*) FROM knowledge_publication_countries l "
        f"WHERE {PUBLISHED_ONLY} GROUP BY l.country_id",
    ]
)
WATCHED = {
    "knowledge_publication": ("is_published", "type", "year", "document_languages"),
    "knowledge_publication_themes": None,
    "knowledge_publication_countries": None,
}


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0017_facet_counts"),
        ("knowledge", "0019_publication_language_bits_type_newest"),
    ]

    operations = [
        migrations.RunSQL(
            facets.install("knowledge", COUNTING_SQL, WATCHED),
            facets.uninstall("knowledge", WATCHED),
        )
    ]
