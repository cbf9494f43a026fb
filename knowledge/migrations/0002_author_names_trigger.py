"""Keep Publication.author_names in step with its authors, in the database.

The search vector is a generated column and can only read the publication's own
row, so the authors' names are copied onto it. Triggers on the authorship and
person tables do the copying, so no code path (admin, services, shell, bulk
imports) can leave a publication unsearchable by its authors.
"""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION knowledge_author_names_of(pub_id bigint) RETURNS text AS $$
    SELECT coalesce(string_agg(pe.given_names || ' ' || pe.family_name, ', '
                               ORDER BY a.position, a.id), '')
      FROM knowledge_authorship a
      JOIN knowledge_person pe ON pe.id = a.person_id
     WHERE a.publication_id = pub_id;
$$ LANGUAGE sql STABLE;

-- Whatever a save writes into author_names, the stored value is always computed here.
CREATE OR REPLACE FUNCTION knowledge_publication_saving() RETURNS trigger AS $$
BEGIN
    NEW.author_names := knowledge_author_names_of(NEW.id);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER knowledge_publication_author_names
BEFORE INSERT OR UPDATE ON knowledge_publication
FOR EACH ROW EXECUTE FUNCTION knowledge_publication_saving();

CREATE OR REPLACE FUNCTION knowledge_refresh_author_names(pub_id bigint) RETURNS void AS $$
    UPDATE knowledge_publication SET author_names = '' WHERE id = pub_id;
$$ LANGUAGE sql;

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

CREATE OR REPLACE FUNCTION knowledge_person_renamed() RETURNS trigger AS $$
BEGIN
    PERFORM knowledge_refresh_author_names(a.publication_id)
       FROM knowledge_authorship a WHERE a.person_id = NEW.id;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER knowledge_person_author_names
AFTER UPDATE OF given_names, family_name ON knowledge_person
FOR EACH ROW WHEN (OLD.given_names IS DISTINCT FROM NEW.given_names
                   OR OLD.family_name IS DISTINCT FROM NEW.family_name)
EXECUTE FUNCTION knowledge_person_renamed();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS knowledge_person_author_names ON knowledge_person;
DROP TRIGGER IF EXISTS knowledge_authorship_author_names ON knowledge_authorship;
DROP FUNCTION IF EXISTS knowledge_person_renamed();
DROP FUNCTION IF EXISTS knowledge_authorship_changed();
DROP FUNCTION IF EXISTS knowledge_refresh_author_names(bigint);
DROP TRIGGER IF EXISTS knowledge_publication_author_names ON knowledge_publication;
DROP FUNCTION IF EXISTS knowledge_publication_saving();
DROP FUNCTION IF EXISTS knowledge_author_names_of(bigint);
"""


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
