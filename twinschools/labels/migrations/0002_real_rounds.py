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
    # Plain SQL: the historical models' delete collector trips over the PROTECT from rounds.
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DELETE FROM labels_round WHERE name IN ('2024-2025', '2025-2026', '2026-2027')")
        cursor.execute(
            "SELECT COUNT(*) FROM labels_round r JOIN labels_formversion v ON v.id = r.form_version_id "
            "WHERE v.code = '2023'"
        )
        if cursor.fetchone()[0]:
            return  # rounds configured since then still use the 2023 form: it stays
        cursor.execute(
            "DELETE FROM labels_formstatement WHERE section_id IN (SELECT s.id FROM labels_formsection s "
            "JOIN labels_formversion v ON v.id = s.form_version_id WHERE v.code = '2023')"
        )
        cursor.execute(
            "DELETE FROM labels_formsection WHERE form_version_id IN "
            "(SELECT id FROM labels_formversion WHERE code = '2023')"
        )
        cursor.execute("DELETE FROM labels_formversion WHERE code = '2023'")


class Migration(migrations.Migration):
    dependencies = [("labels", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
