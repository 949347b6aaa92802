"""Erased people are marked by `erased_at`, and no longer carry a translated "Erased person" as
their display name: pages render the placeholder in the reader's language."""

from django.db import migrations, models
from django.utils import timezone

# What erase_person stored before, in each language of the platform.
STORED_PLACEHOLDERS = ["Erased person", "Persoană ștearsă", "Persona esborrada"]


def forwards(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    User.objects.filter(
        is_active=False, email__isnull=True, full_name="", display_name__in=STORED_PLACEHOLDERS
    ).update(display_name="", erased_at=timezone.now())


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_home_visit"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="erased_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="erased on"),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
