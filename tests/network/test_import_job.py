"""A large import through the web page: stored, imported by the worker, followed to the end."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from tests.network.test_import import (
    import_teachers_for_the_big_file,
    signed_in,
    write_big_activities_file,
)
from twinschools.accounts.models import User
from twinschools.core import jobs
from twinschools.core.models import Job
from twinschools.network.models import Activity

# 20 MB keeps this test near a minute on a two-core machine with tracemalloc on; `make bench`
# imports a national registry through the same job.
SIZE = 20 * 1024 * 1024
# The worker streams the stored file: one batch of rows in memory, whatever the file's size.
PEAK_BOUND = 32 * 1024 * 1024


@pytest.mark.slow
@pytest.mark.django_db
def test_a_20_mb_upload_is_imported_by_the_worker_with_progress_and_bounded_memory(
    tmp_path: Path, django_capture_on_commit_callbacks: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = User.objects.create_superuser("admin@example.org", "a long and unguessable password")
    client = signed_in(admin)
    teachers = import_teachers_for_the_big_file(200)
    big = tmp_path / "activities.csv"
    rows = write_big_activities_file(big, teachers, SIZE)
    size = big.stat().st_size

    with django_capture_on_commit_callbacks() as callbacks, big.open("rb") as upload:
        response = client.post(reverse("network:import"), {"csv_files": [upload]})
    job = Job.objects.get()
    assert response.status_code == 302 and response.url == reverse("core:job", args=[job.pk])
    assert default_storage.size(job.params["files"][0]["path"]) == size  # stored whole, privately
    assert "Waiting for a worker to start it." in client.get(response.url).content.decode()

    # The worker's progress, as the page's poll reads it, each time it is written.
    polled: list[int | None] = []
    real_update = jobs._Channel.update

    def update_and_poll(self: jobs._Channel, **values: Any) -> None:
        real_update(self, **values)
        if "done" in values and len(polled) < 2000:
            polled.append(jobs.state_of(Job.objects.get(pk=job.pk)).percent)

    monkeypatch.setattr(jobs._Channel, "update", update_and_poll)
    started = time.perf_counter()
    tracemalloc.start()
    try:
        for callback in callbacks:
            callback()  # the worker runs the job
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    elapsed = time.perf_counter() - started

    job.refresh_from_db()
    assert job.status == Job.Status.DONE, job.message
    assert (job.done, job.total) == (size, size)
    percents = [percent for percent in polled if percent is not None]
    assert percents[0] < 50 < percents[-1]
    assert percents == sorted(percents)  # the bar only moves forward
    page = client.get(reverse("core:job", args=[job.pk])).content.decode()
    assert "The files were imported." in page
    assert f"<td>{rows}</td>" in page
    assert Activity.objects.count() == rows
    assert not default_storage.exists(job.params["files"][0]["path"])
    print(
        f"\n{size / 2**20:.0f} MB web import: {rows} rows in {elapsed:.1f} s, Python peak {peak / 2**20:.1f} MB"
    )
    assert peak < PEAK_BOUND
