from django.db import migrations, models

import twinschools.core.zones


def set_country_zones(apps, schema_editor):
    """Every existing school gets its country's zone: one UPDATE per country, not per school."""
    from twinschools.network.reference import TIME_ZONES

    School = apps.get_model("network", "School")
    Country = apps.get_model("network", "Country")
    for country_id, code in Country.objects.values_list("pk", "code"):
        zone = TIME_ZONES.get(code)
        if zone:
            School.objects.filter(country_id=country_id).update(time_zone=zone)


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0006_real_nsos"),
    ]

    operations = [
        migrations.AddField(
            model_name="school",
            name="time_zone",
            field=models.CharField(
                default=twinschools.core.zones.default_name,
                max_length=64,
                validators=[twinschools.core.zones.validate],
                verbose_name="time zone",
            ),
        ),
        migrations.RunPython(set_country_zones, migrations.RunPython.noop),
    ]
