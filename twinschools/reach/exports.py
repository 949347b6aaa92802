"""The coverage CSV exports as background jobs: the worker writes the file to private storage.

The page's button starts the job with the page's own query (distance, region); the job's
page then offers the file for download (core.job_views.job_download) to its owner.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterator, Sequence
from typing import Any

from django.core.files import File
from django.core.files.storage import default_storage
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from twinschools.core import jobs
from twinschools.core.models import Job
from twinschools.reach import queries
from twinschools.reach.forms import coverage_choice

KIND = "reach.export"
EXPORTS = ("regions", "gaps")


def start_export(*, by: Any, which: str, query: str) -> Job:
    if which not in EXPORTS:
        raise ValueError(which)
    return jobs.start(kind=KIND, owner=by, params={"which": which, "query": query})


def _lines(job: Job, progress: jobs.Progress) -> Iterator[Sequence[object]]:
    countries = queries.countries_for(job.owner)
    _form, km, region = coverage_choice(QueryDict(job.params["query"]), queries.regions_of(countries))
    year = timezone.localdate().year
    if job.params["which"] == "regions":
        rows = queries.region_table(countries, km=km, year=year)
        yield [_("Country"), _("Region"), _("eTwinning Schools"), _("Schools reached"), _("Schools in a gap")]
        for done, row in enumerate(rows, start=1):
            progress.advance(done, len(rows))
            yield [row.region.country.code, row.region.name, row.etwinning_schools, row.reached, row.gaps]
        return
    schools = queries.gaps(countries, km=km, year=year, region=region)
    total = schools.count()
    yield [_("School"), _("Town"), _("Region"), _("Latitude"), _("Longitude")]
    for done, school in enumerate(schools.iterator(chunk_size=2000), start=1):
        progress.advance(done, total)
        yield [
            school.name,
            school.town,
            school.region.name if school.region else "",
            school.latitude,
            school.longitude,
        ]


def run_export(job: Job, progress: jobs.Progress) -> dict[str, Any]:
    filename = f"{job.params['which']}.csv"
    rows = -1  # the header is not a row
    with tempfile.TemporaryFile() as spool:
        text = io.TextIOWrapper(spool, encoding="utf-8", newline="")
        writer = csv.writer(text)
        for line in _lines(job, progress):
            writer.writerow(line)
            rows += 1
        text.flush()
        spool.seek(0)
        path = default_storage.save(f"jobs/exports/{job.pk}/{filename}", File(spool, name=filename))
        text.detach()
    return {"file": path, "filename": filename, "rows": rows}


def register() -> None:
    jobs.register(
        jobs.Kind(
            name=KIND,
            title=gettext_lazy("Export of the coverage"),
            work=run_export,
            result_template="core/jobs/_download.html",
            start_again_url=lambda job: reverse("reach:country_reach"),
        )
    )
