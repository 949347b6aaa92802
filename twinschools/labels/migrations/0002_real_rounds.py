"""The 2023 form version and the real 2024-25, 2025-26 and 2026-27 rounds (see labels/reference.py)."""

from django.db import migrations


def load(apps, schema_editor):
    from twinschools.labels import reference

    FormVersion = apps.get_model("labels", "FormVersion")
    FormSection = apps.get_model("labels", "FormSection")
    FormStatement = apps.get_model("labels", "FormStatement")
    Round = apps.get_model("labels", "Round")
    version, _ = FormVersion.objects.get_or_create(
        code=reference.FORM_2023["code"], defaults={"name": reference.FORM_2023["name"]}
    )
    for order, (kind, required, plan, title, guidance, statements) in enumerate(
        reference.SECTIONS_2023, start=1
    ):
        section = FormSection.objects.create(
            form_version=version,
            kind=kind,
            order=order,
            required=required,
            asks_two_year_plan=plan,
            title=title,
            guidance=guidance,
        )
        FormStatement.objects.bulk_create(
            FormStatement(section=section, order=number, text=text)
            for number, text in enumerate(statements, start=1)
        )
    for rules in reference.ROUNDS:
        Round.objects.create(form_version=version, status="published", **rules)


def unload(apps, schema_editor):
    apps.get_model("labels", "Round").objects.filter(
        name__in=["2024-2025", "2025-2026", "2026-2027"]
    ).delete()
    apps.get_model("labels", "FormVersion").objects.filter(code="2023").delete()


class Migration(migrations.Migration):
    dependencies = [("labels", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
