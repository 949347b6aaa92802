from django.db import migrations


def load_nsos(apps, schema_editor):
    """One profile per country; the real NSO's name, website and address where public."""
    from twinschools.network.nso_reference import NSOS

    Country = apps.get_model("network", "Country")
    Profile = apps.get_model("network", "NationalSupportOrganisation")
    for country in Country.objects.all():
        name, name_en, acronym, website, address = NSOS.get(country.code, ("", "", "", "", ""))
        Profile.objects.update_or_create(
            country=country,
            defaults={
                "name": name,
                "name_en": name_en,
                "acronym": acronym,
                "website": website,
                "address": address,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("network", "0005_nso_profile")]

    operations = [migrations.RunPython(load_nsos, migrations.RunPython.noop)]
