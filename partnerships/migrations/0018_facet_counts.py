"""The list's facet counts over every published partnership, kept by the database (core.facets).

The statement is the one partnerships.selectors counted the unfiltered list with, written out
here so that later changes to that module do not change this migration."""

from django.db import migrations

from core import facets

PUBLISHED = (
    "(SELECT id, country_id, phase, status, start_year, end_year "
    "FROM partnerships_partnership WHERE is_published)"
)
# Drafts are left out of the link tables' counts.
PUBLISHED_ONLY = (
    "NOT EXISTS (SELECT 1 FROM partnerships_partnership d WHERE d.id = {link}.partnership_id "
    "AND NOT d.is_published)"
)
COUNTING_SQL = " UNION ALL ".join(
    [
        # Country, phase and status together: a hundred-odd groups, summed by the list.
        "SELECT 'country_phase_status', c.slug || ' ' || x.phase || ' ' || x.status, c.name_sv, "
        f"c.name_en, x.n FROM (SELECT m.country_id, m.phase, m.status, count(*) AS n FROM "
        f"{PUBLISHED} m GROUP BY m.country_id, m.phase, m.status) x "
        "JOIN reference_country c ON c.code = x.country_id",
        "SELECT 'organisation', o.slug, o.short_name, o.short_name, x.n FROM "
        "(SELECT so.organisation_id, count(*) AS n FROM "
        "partnerships_partnership_swedish_organisations so WHERE "
        + PUBLISHED_ONLY.format(link="so")
        + " GROUP BY so.organisation_id) x JOIN reference_organisation o "
        "ON o.id = x.organisation_id",
        # Two Swedish parties of one partnership may share a county: each partnership once.
        "SELECT 'county', k.code, k.name_sv, k.name_en, x.n FROM (SELECT y.county_id, "
        "count(*) AS n FROM (SELECT DISTINCT so.partnership_id, o.county_id FROM "
        "partnerships_partnership_swedish_organisations so "
        "JOIN reference_organisation o ON o.id = so.organisation_id WHERE "
        + PUBLISHED_ONLY.format(link="so")
        + ") y GROUP BY y.county_id) x JOIN reference_county k ON k.code = x.county_id",
        "SELECT 'theme', t.slug, t.name_sv, t.name_en, x.n FROM (SELECT pt.theme_id, "
        "count(*) AS n FROM partnerships_partnership_themes pt WHERE "
        + PUBLISHED_ONLY.format(link="pt")
        + " GROUP BY pt.theme_id) x JOIN reference_theme t ON t.id = x.theme_id",
        # The (start, end) pairs; the list counts each year from them.
        "SELECT 'year', m.start_year::text, coalesce(m.end_year::text, ''), '', count(*) "
        f"FROM {PUBLISHED} m GROUP BY m.start_year, m.end_year",
    ]
)
# What the counts read: the partnerships' facet columns, the two link tables, and the names
# and counties of what they link to.
WATCHED = {
    "partnerships_partnership": (
        "is_published",
        "country_id",
        "phase",
        "status",
        "start_year",
        "end_year",
    ),
    "partnerships_partnership_swedish_organisations": None,
    "partnerships_partnership_themes": None,
    "reference_country": ("slug", "name_sv", "name_en"),
    "reference_organisation": ("slug", "short_name", "county_id"),
    "reference_county": ("name_sv", "name_en"),
    "reference_theme": ("slug", "name_sv", "name_en"),
}


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0017_facet_counts"),
        ("partnerships", "0017_partnership_drafts_index"),
        ("reference", "0006_one_region_gotland"),
    ]

    operations = [
        migrations.RunSQL(
            facets.install("partnerships", COUNTING_SQL, WATCHED),
            facets.uninstall("partnerships", WATCHED),
        )
    ]
