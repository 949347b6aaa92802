"""The rubric of the 2023 form version, with every level's descriptor in en/ro/ca."""

from django.db import migrations

from twinschools.evaluation.reference import CRITERIA_2023, INTRODUCTION_2023


def load(apps, schema_editor):
    FormVersion = apps.get_model("labels", "FormVersion")
    Rubric = apps.get_model("evaluation", "Rubric")
    Criterion = apps.get_model("evaluation", "Criterion")
    version = FormVersion.objects.filter(code="2023").first()
    if version is None:
        return
    rubric, _created = Rubric.objects.update_or_create(
        form_version=version, defaults={"introduction": INTRODUCTION_2023}
    )
    for order, (code, kind, weight, name, guidance, levels) in enumerate(CRITERIA_2023, start=1):
        Criterion.objects.update_or_create(
            rubric=rubric,
            code=code,
            defaults={
                "order": order,
                "section_kind": kind,
                "weight": weight,
                "name": name,
                "guidance": guidance,
                "levels": levels,
            },
        )


def unload(apps, schema_editor):
    apps.get_model("evaluation", "Rubric").objects.filter(form_version__code="2023").delete()


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0001_initial"), ("labels", "0002_real_rounds")]

    operations = [migrations.RunPython(load, unload)]
