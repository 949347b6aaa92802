"""Rewrite every practice's searchable text: it now names approaches, levels, subjects and the
language as facet words (practices/search.py), which the library's filters search."""

from django.db import migrations

BATCH = 2_000


def rewrite_search_text(apps, schema_editor):
    from twinschools.practices.search import search_text_for

    Practice = apps.get_model("practices", "Practice")
    practices = Practice.objects.prefetch_related("levels", "approaches").order_by("pk")
    batch = []
    for practice in practices.iterator(chunk_size=BATCH):
        practice.search_text = search_text_for(
            title=practice.title,
            summary=practice.summary,
            description=practice.description,
            subjects=practice.subjects.split(),
            levels=[level.code for level in practice.levels.all()],
            approaches=[approach.code for approach in practice.approaches.all()],
            language=practice.language,
        )
        batch.append(practice)
        if len(batch) == BATCH:
            Practice.objects.bulk_update(batch, ["search_text"])
            batch = []
    Practice.objects.bulk_update(batch, ["search_text"])


class Migration(migrations.Migration):
    dependencies = [("practices", "0003_newest_first_index")]

    operations = [migrations.RunPython(rewrite_search_text, migrations.RunPython.noop)]
