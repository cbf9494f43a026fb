"""The text search of every app: accents ignored (unaccent), trigrams for "did you mean"
(pg_trgm), and the portal's three text-search configurations (core.search).

Both extensions ship with PostgreSQL's contrib (the embedded server's too) and are trusted, so
the database owner can create them without being a superuser.
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

TOKENS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"
CONFIGURATIONS = {
    "icld_swedish": ("pg_catalog.swedish", "swedish_stem"),
    "icld_english": ("pg_catalog.english", "english_stem"),
    # The word as typed, accents aside: names, and words a stemmer would drop as stop words.
    "icld_simple": ("pg_catalog.simple", "simple"),
}

CREATE = "\n".join(
    f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name};\n"
    f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {template});\n"
    f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR {TOKENS} WITH unaccent, {stem};"
    for name, (template, stem) in CONFIGURATIONS.items()
)
DROP = "\n".join(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name};" for name in CONFIGURATIONS)


class Migration(migrations.Migration):
    dependencies = [('core', '0012_images_content_pages')]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunSQL(CREATE, DROP),
    ]
