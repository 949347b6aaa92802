"""A large import through the web page: stored, imported by the worker, followed to the end."""

from __future__ import annotations

import ctypes
import gc
import re
import time
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
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

# The largest file the page accepts (TWINSCHOOLS_IMPORT_MAX_UPLOAD_MB, 200 MB), less the
# half megabyte the writer may overshoot: about 440,000 activities. `make bench` imports a
# national registry through the same job.
SIZE = (settings.IMPORT_MAX_UPLOAD_MB - 1) * 1024 * 1024
# The worker streams the stored file: one batch of rows in memory, whatever the file's size.
# Measured as the process's peak resident memory (VmHWM) above what it held when the worker
# started: tracemalloc would make this test several times slower (the 50 MB command-line
# import in test_import.py bounds Python's own allocations with it). It counts everything the
# worker touches: Python's heap, the database driver, its buffers.
PEAK_BOUND = 64 * 1024 * 1024
PERCENT = re.compile(r'<progress id="job-progress" class="job-progress" max="100" value="(\d+)"')


def memory_kb(field: str) -> int:
    """VmRSS (resident now) or VmHWM (its peak) of this process, from /proc (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise LookupError(field)


def reset_peak_memory() -> int:
    """Start VmHWM again from the resident memory now (Linux 4.0+); return that, in bytes.

    Memory freed but still held by the allocators is given back first, so that the import
    cannot grow into it unseen.
    """
    gc.collect()
    ctypes.CDLL("libc.so.6").malloc_trim(0)
    Path("/proc/self/clear_refs").write_text("5")
    return memory_kb("VmRSS") * 1024


@pytest.mark.slow
@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    # Once, where production runs: SQLite's test database lives in this process's memory, so
    # the process would grow by the 431,000 rows it stores; the 50 MB import of test_import.py
    # bounds the streaming on SQLite too.
    reason="Runs on PostgreSQL, where this process's memory is the worker's own.",
)
@pytest.mark.django_db
def test_a_200_mb_upload_is_imported_by_the_worker_with_progress_and_bounded_memory(
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

    # The fragment the job's page polls, fetched each time the worker writes its progress.
    polled: list[int] = []
    real_update = jobs._Channel.update

    def update_and_poll(self: jobs._Channel, **values: Any) -> None:
        real_update(self, **values)
        if "done" in values:
            fragment = client.get(reverse("core:job_state", args=[job.pk]), HTTP_HX_REQUEST="true")
            polled.extend(int(percent) for percent in PERCENT.findall(fragment.content.decode()))

    monkeypatch.setattr(jobs._Channel, "update", update_and_poll)
    before = reset_peak_memory()
    started = time.perf_counter()
    for callback in callbacks:
        callback()  # the worker runs the job
    elapsed = time.perf_counter() - started
    peak = memory_kb("VmHWM") * 1024 - before

    job.refresh_from_db()
    assert job.status == Job.Status.DONE, job.message
    assert (job.done, job.total) == (size, size) and jobs.state_of(job).percent == 100
    assert len(polled) > 10 and polled[0] < 50 < polled[-1]
    assert polled == sorted(polled)  # the bar only moves forward
    page = client.get(reverse("core:job", args=[job.pk])).content.decode()
    assert "The files were imported." in page and 'hx-trigger="every 1s"' not in page  # 100%: done
    assert f"<td>{rows}</td>" in page
    assert Activity.objects.count() == rows
    assert not default_storage.exists(job.params["files"][0]["path"])
    print(
        f"\n{size / 2**20:.0f} MB web import: {rows} rows in {elapsed:.1f} s, "
        f"peak memory {peak / 2**20:.1f} MB above the {before / 2**20:.0f} MB held before"
    )
    assert peak < PEAK_BOUND
