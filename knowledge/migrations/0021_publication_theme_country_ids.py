"""Publications keep their themes' and countries' keys (``theme_ids``, ``country_ids``).

A search's theme and country facets joined the link tables once per matching row (two index
lookups for each of 5,000 matches); read from the covering index ``knowledge_pub_facets``, the
same counts take one pass. Triggers keep the copies exact whatever writes: a statement on a
link table recomputes the publications it touched, and every save of a publication
recomputes its own (a form holding old values cannot write them back).
"""

import django.contrib.postgres.fields
from django.db import migrations, models

FORWARD = """
CREATE OR REPLACE FUNCTION knowledge_publication_links() RETURNS trigger AS $$
BEGIN
    NEW.theme_ids := ARRAY(
        SELECT theme_id FROM knowledge_publication_themes
         WHERE publication_id = NEW.id ORDER BY theme_id);
    NEW.country_ids := ARRAY(
        SELECT country_id FROM knowledge_publication_countries
         WHERE publication_id = NEW.id ORDER BY country_id);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER knowledge_publication_links
BEFORE INSERT OR UPDATE ON knowledge_publication
FOR EACH ROW EXECUTE FUNCTION knowledge_publication_links();

-- One UPDATE per statement on a link table, for every publication it touched (the row
-- trigger above then reads the links as they are now).
CREATE OR REPLACE FUNCTION knowledge_publication_links_changed() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        UPDATE knowledge_publication SET theme_ids = '{}'
         WHERE theme_ids <> '{}' OR country_ids <> '{}';
    ELSE
        UPDATE knowledge_publication SET theme_ids = '{}'
         WHERE id IN (SELECT publication_id FROM touched_links);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
"""

LINK_TABLES = ("knowledge_publication_themes", "knowledge_publication_countries")

for table in LINK_TABLES:
    FORWARD += f"""
CREATE TRIGGER {table}_added AFTER INSERT ON {table}
REFERENCING NEW TABLE AS touched_links
FOR EACH STATEMENT EXECUTE FUNCTION knowledge_publication_links_changed();
CREATE TRIGGER {table}_removed AFTER DELETE ON {table}
REFERENCING OLD TABLE AS touched_links
FOR EACH STATEMENT EXECUTE FUNCTION knowledge_publication_links_changed();
CREATE TRIGGER {table}_moved AFTER UPDATE ON {table}
REFERENCING OLD TABLE AS touched_links
FOR EACH STATEMENT EXECUTE FUNCTION knowledge_publication_links_changed();
CREATE TRIGGER {table}_moved_to AFTER UPDATE ON {table}
REFERENCING NEW TABLE AS touched_links
FOR EACH STATEMENT EXECUTE FUNCTION knowledge_publication_links_changed();
CREATE TRIGGER {table}_emptied AFTER TRUNCATE ON {table}
FOR EACH STATEMENT EXECUTE FUNCTION knowledge_publication_links_changed();
"""

FORWARD += "UPDATE knowledge_publication SET theme_ids = '{}';"

BACKWARD = "".join(
    f"DROP TRIGGER IF EXISTS {table}_{event} ON {table};"
    for table in LINK_TABLES
    for event in ("added", "removed", "moved", "moved_to", "emptied")
) + (
    "DROP FUNCTION IF EXISTS knowledge_publication_links_changed();"
    "DROP TRIGGER IF EXISTS knowledge_publication_links ON knowledge_publication;"
    "DROP FUNCTION IF EXISTS knowledge_publication_links();"
)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0018_page_search_vector"),
        ("knowledge", "0020_facet_counts"),
        ("reference", "0006_one_region_gotland"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="publication",
            name="knowledge_pub_facets",
        ),
        migrations.AddField(
            model_name="publication",
            name="country_ids",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.CharField(max_length=2), default=list, editable=False
            ),
        ),
        migrations.AddField(
            model_name="publication",
            name="theme_ids",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.BigIntegerField(), default=list, editable=False
            ),
        ),
        migrations.RunSQL(FORWARD, BACKWARD),
        migrations.AddIndex(
            model_name="publication",
            index=models.Index(
                condition=models.Q(("is_published", True)),
                fields=["type", "year", "document_language_bits"],
                include=("id", "document_languages", "theme_ids", "country_ids"),
                name="knowledge_pub_facets",
            ),
        ),
    ]
