from django.db import migrations

# The directory filters schools by level and by language. Django's many-to-many
# tables are indexed (school_id, other_id); these indexes serve the other way in,
# "every school teaching in Italian", as index-only scans.
FILTER_INDEXES = [
    ("network_school_levels_level_school", "network_school_levels", "level_id, school_id"),
    ("network_school_languages_language_school", "network_school_languages", "language_id, school_id"),
]


class Migration(migrations.Migration):
    dependencies = [("network", "0002_reference_data_and_search_index")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {name} ON {table} ({columns})",
            f"DROP INDEX {name}",
        )
        for name, table, columns in FILTER_INDEXES
    ]
