"""Refresh author names once per statement, not once per authorship row.

A bulk import of authorships (thousands of rows in one INSERT) now updates each
affected publication once, through transition tables.
"""

from django.db import migrations

FORWARD = """
DROP TRIGGER IF EXISTS knowledge_authorship_author_names ON knowledge_authorship;
DROP FUNCTION IF EXISTS knowledge_authorship_changed();

CREATE OR REPLACE FUNCTION knowledge_authorships_inserted() RETURNS trigger AS $$
BEGIN
    UPDATE knowledge_publication SET author_names = ''
     WHERE id IN (SELECT DISTINCT publication_id FROM new_rows);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION knowledge_authorships_deleted() RETURNS trigger AS $$
BEGIN
    UPDATE knowledge_publication SET author_names = ''
     WHERE id IN (SELECT DISTINCT publication_id FROM old_rows);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION knowledge_authorships_updated() RETURNS trigger AS $$
BEGIN
    UPDATE knowledge_publication SET author_names = ''
     WHERE id IN (SELECT publication_id FROM old_rows UNION SELECT publication_id FROM new_rows);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER knowledge_authorships_inserted AFTER INSERT ON knowledge_authorship
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
EXECUTE FUNCTION knowledge_authorships_inserted();

CREATE TRIGGER knowledge_authorships_deleted AFTER DELETE ON knowledge_authorship
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
EXECUTE FUNCTION knowledge_authorships_deleted();

CREATE TRIGGER knowledge_authorships_updated AFTER UPDATE ON knowledge_authorship
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
EXECUTE FUNCTION knowledge_authorships_updated();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS knowledge_authorships_inserted ON knowledge_authorship;
DROP TRIGGER IF EXISTS knowledge_authorships_deleted ON knowledge_authorship;
DROP TRIGGER IF EXISTS knowledge_authorships_updated ON knowledge_authorship;
DROP FUNCTION IF EXISTS knowledge_authorships_inserted();
DROP FUNCTION IF EXISTS knowledge_authorships_deleted();
DROP FUNCTION IF EXISTS knowledge_authorships_updated();

CREATE OR REPLACE FUNCTION knowledge_authorship_changed() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM knowledge_refresh_author_names(OLD.publication_id);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM knowledge_refresh_author_names(NEW.publication_id);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER knowledge_authorship_author_names
AFTER INSERT OR UPDATE OR DELETE ON knowledge_authorship
FOR EACH ROW EXECUTE FUNCTION knowledge_authorship_changed();
"""


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0002_author_names_trigger")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
