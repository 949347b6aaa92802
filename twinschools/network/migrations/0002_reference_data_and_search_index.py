from django.db import migrations


def load_reference_data(apps, schema_editor):
    from twinschools.network.reference import EDUCATION_LEVELS, ETWINNING_COUNTRIES, LANGUAGES

    Country = apps.get_model("network", "Country")
    Level = apps.get_model("network", "Level")
    Language = apps.get_model("network", "Language")
    for code in ETWINNING_COUNTRIES:
        Country.objects.get_or_create(code=code)
    for code in EDUCATION_LEVELS:
        Level.objects.get_or_create(code=code)
    for code in LANGUAGES:
        Language.objects.get_or_create(code=code)


def create_trigram_index(apps, schema_editor):
    # A trigram index lets PostgreSQL answer the directory's LIKE '%word%'
    # searches without scanning 300,000 rows. SQLite has no equivalent.
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS network_school_search_trgm "
        "ON network_school USING gin (search_text gin_trgm_ops)"
    )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS network_school_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("network", "0001_initial")]

    operations = [
        migrations.RunPython(load_reference_data, migrations.RunPython.noop),
        migrations.RunPython(create_trigram_index, drop_trigram_index),
    ]
