from django.db import migrations


def create_trigram_index(apps, schema_editor):
    # The library's LIKE '%word%' searches use a trigram index on PostgreSQL, as the
    # directory does (network 0002). SQLite has no equivalent.
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS practices_practice_search_trgm "
        "ON practices_practice USING gin (search_text gin_trgm_ops)"
    )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS practices_practice_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]

    operations = [migrations.RunPython(create_trigram_index, drop_trigram_index)]
