"""The library's stored facet counts (core.facets) also for one filter value alone chosen.

A visitor who picks a theme, then a type, waited for the types of that theme's 5,000
publications and the themes of that type's 8,000 to be counted at every click. The database
now keeps, beside the whole library's counts, the counts of the library with each single
theme, country, type, year or document language chosen (``given``: "theme 3", "type
research_report", "language sv"), in the same shape: type, year and languages grouped, themes
and countries on their own.

The counts read the publications' own copies of their links (``theme_ids``, ``country_ids``,
kept by the triggers of migration 0021): a statement on a link table updates those columns,
which refreshes the counts, so the link tables are no longer watched themselves. Identical
publications are grouped first (a few hundred groups, not 50,000 rows), then counted once
for each value they hold.

The statement is written out here so that later changes to knowledge.search do not change
this migration.
"""

import importlib

from django.db import migrations

from core import facets

# The languages of document_language_bits, bit 0 first (migration 0019).
LANGUAGE_CODES = ("sv", "en", "es", "fr", "pt", "ru")
COUNTING_SQL = """
WITH p AS MATERIALIZED (
    SELECT type, year, document_language_bits AS bits, theme_ids, country_ids, count(*) AS n
      FROM knowledge_publication
     WHERE is_published
     GROUP BY type, year, document_language_bits, theme_ids, country_ids
), g AS MATERIALIZED (
    SELECT '' AS given, p.type, p.year, p.bits, p.theme_ids, p.country_ids, p.n FROM p
    UNION ALL
    SELECT 'theme ' || t, p.type, p.year, p.bits, p.theme_ids, p.country_ids, p.n
      FROM p, unnest(p.theme_ids) t
    UNION ALL
    SELECT 'country ' || c, p.type, p.year, p.bits, p.theme_ids, p.country_ids, p.n
      FROM p, unnest(p.country_ids) c
    UNION ALL
    SELECT 'type ' || p.type, p.type, p.year, p.bits, p.theme_ids, p.country_ids, p.n FROM p
    UNION ALL
    SELECT 'year ' || p.year, p.type, p.year, p.bits, p.theme_ids, p.country_ids, p.n FROM p
    UNION ALL
    SELECT 'language ' || l.code, p.type, p.year, p.bits, p.theme_ids, p.country_ids, p.n
      FROM p, unnest(ARRAY[%(codes)s]) WITH ORDINALITY AS l(code, bit)
     WHERE p.bits & (1 << (l.bit::int - 1)) <> 0
)
SELECT given, 'grouped', type || ' ' || year::text || ' ' || bits::text, '', '', sum(n)::int
  FROM g GROUP BY given, type, year, bits
UNION ALL
SELECT given, 'theme', t::text, '', '', sum(n)::int
  FROM g, unnest(g.theme_ids) t GROUP BY given, t
UNION ALL
SELECT given, 'country', c, '', '', sum(n)::int
  FROM g, unnest(g.country_ids) c GROUP BY given, c
""" % {"codes": ", ".join(f"'{code}'" for code in LANGUAGE_CODES)}
WATCHED = {
    "knowledge_publication": (
        "is_published",
        "type",
        "year",
        "document_languages",
        "theme_ids",
        "country_ids",
    ),
}

previous = importlib.import_module("knowledge.migrations.0020_facet_counts")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0019_facet_count_given"),
        ("knowledge", "0022_publication_link_indexes"),
    ]

    operations = [
        migrations.RunSQL(
            facets.uninstall("knowledge", previous.WATCHED)
            + facets.install("knowledge", COUNTING_SQL, WATCHED, given=True),
            facets.uninstall("knowledge", WATCHED)
            + facets.install("knowledge", previous.COUNTING_SQL, previous.WATCHED),
        )
    ]
