from django.db import migrations

# School.search_text now carries a space at each end (core.text.searchable_text), so
# short words can be searched as whole words with the trigram index.


class Migration(migrations.Migration):
    dependencies = [("network", "0003_filter_indexes")]

    operations = [
        migrations.RunSQL(
            "UPDATE network_school SET search_text = ' ' || TRIM(search_text) || ' '",
            "UPDATE network_school SET search_text = TRIM(search_text)",
        )
    ]
