"""A national registry imported through the web page, as an NSO does: the upload, then the job.

A worker runs beside the bench (Celery with the filesystem broker, as `make demo` does);
the bench uploads a CSV of 40,000 schools through the import page ("check only", so the
bench database is left as it was), then polls the job's fragment until the job is done.
Figures: the request's time (it only stores the file), the time to the job's result, and
the worker's peak memory (its VmHWM, the resident set's high-water mark).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.environment import ROOT

SCHOOLS = 40_000
HEADER = "external_id,name,country,town,registered_on\r\n"


def write_registry(path: Path, count: int) -> int:
    with path.open("w", encoding="utf-8", newline="") as file:
        file.write(HEADER)
        for number in range(count):
            file.write(
                f"urn:bench:ro:school:{number:06d},Școala Gimnazială nr. {number} „Mihai Eminescu”,RO,"
                f"Cluj-Napoca,2015-09-01\r\n"
            )
    return path.stat().st_size


def _peak_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    match = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(match.group(1)) / 1024 if match else 0.0


def web_import(count: int = SCHOOLS) -> dict[str, Any]:
    """Run in a process whose settings have CELERY_BROKER_URL=filesystem:// (see bench/run.py)."""
    from django.test import Client
    from django.urls import reverse

    from bench.measure import sign_in_as
    from twinschools.accounts.models import User
    from twinschools.core.models import Job

    admin = User.objects.filter(email="bench-import@example.org").first() or User.objects.create_superuser(
        "bench-import@example.org", "bench-only-password-0123456789"
    )
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "twinschools", "worker", "--pool=solo", "--loglevel=error"],
        cwd=ROOT,
        env=dict(os.environ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(5)  # the worker starts
        with tempfile.TemporaryDirectory() as folder:
            registry = Path(folder) / "schools.csv"
            size = write_registry(registry, count)
            client = Client()
            sign_in_as(client, admin)
            started = time.perf_counter()
            with registry.open("rb") as upload:
                response = client.post(reverse("network:import"), {"csv_files": [upload], "dry_run": "on"})
            request_seconds = time.perf_counter() - started
            assert response.status_code == 302, response.status_code
            job = Job.objects.filter(owner=admin).latest("created_at")
            polls = 0
            while True:
                time.sleep(0.5)
                polls += 1
                fragment = client.get(reverse("core:job_state", args=[job.pk]), HTTP_HX_REQUEST="true")
                assert fragment.status_code == 200
                job.refresh_from_db()
                if job.finished:
                    break
            seconds = time.perf_counter() - started
            peak = _peak_mb(worker.pid)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    files = job.result.get("files", [])
    return {
        "schools": count,
        "file_mb": round(size / 2**20, 1),
        "status": job.status,
        "rows_checked": sum(f["created"] + f["updated"] + f["unchanged"] for f in files),
        "problems": len(job.result.get("problems", [])),
        "request_seconds": round(request_seconds, 2),
        "seconds": round(seconds, 1),
        "polls": polls,
        "peak_mb": round(peak, 1),
    }
