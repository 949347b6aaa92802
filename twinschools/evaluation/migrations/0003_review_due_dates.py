"""Review due dates: the country's days for a review, and each assignment's due date.

Existing assignments get the default period from the day they were made, in one UPDATE
per distinct day (a handful), not one per row.
"""

from datetime import timedelta

import django.core.validators
from django.db import migrations, models
from django.db.models.functions import TruncDate

DEFAULT_REVIEW_DAYS = 21


def date_existing_assignments(apps, schema_editor):
    Assignment = apps.get_model("evaluation", "Assignment")
    days = (
        Assignment.objects.filter(due_on__isnull=True)
        .annotate(day=TruncDate("assigned_at"))
        .values_list("day", flat=True)
        .distinct()
    )
    for day in list(days):
        Assignment.objects.annotate(day=TruncDate("assigned_at")).filter(day=day, due_on__isnull=True).update(
            due_on=day + timedelta(days=DEFAULT_REVIEW_DAYS)
        )


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0002_rubric_2023")]

    operations = [
        migrations.AddField(
            model_name="evaluationsettings",
            name="review_days",
            field=models.PositiveSmallIntegerField(
                default=21,
                validators=[
                    django.core.validators.MinValueValidator(1),
                    django.core.validators.MaxValueValidator(120),
                ],
                help_text="Each evaluator's review is due this many days after they are assigned.",
                verbose_name="days for a review",
            ),
        ),
        migrations.AddConstraint(
            model_name="evaluationsettings",
            constraint=models.CheckConstraint(
                condition=models.Q(("review_days__gte", 1), ("review_days__lte", 120)),
                name="review_days_in_range",
            ),
        ),
        migrations.AddField(
            model_name="assignment",
            name="due_on",
            field=models.DateField(null=True, verbose_name="due on"),
        ),
        migrations.RunPython(date_existing_assignments, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="assignment",
            name="due_on",
            field=models.DateField(verbose_name="due on"),
        ),
    ]
