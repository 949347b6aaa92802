"""A real Celery worker killed (kill -9) in the middle of a web import: the job does not stay
"running" for ever, and nothing of the import is kept.

The worker is a separate process (`celery -A twinschools worker --pool=solo`, as `make demo`
starts it) on kombu's filesystem broker in the test's folder. It reaches the test database
over the network, so this runs on PostgreSQL: SQLite's test database lives in this process's
memory. The sweep's own logic runs on both databases in test_job_sweep.py.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from tests.clients import signed_in
from tests.network.test_import import import_teachers_for_the_big_file, write_big_activities_file
from twinschools.accounts.models import User
from twinschools.celery import app as celery_app
from twinschools.core import jobs
from twinschools.core.models import Job
from twinschools.network.importing.jobs import KIND as IMPORT
from twinschools.network.importing.jobs import store_uploads
from twinschools.network.models import Activity, School

pytestmark = [
    pytest.mark.skipif(
        django_settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="The worker process needs a database it can connect to (PostgreSQL).",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _database_url() -> str:
    """The test database, as the worker process's DATABASE_URL."""
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    return f"postgres://{quote(db['USER'])}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def filesystem_broker(tmp_path: Path) -> Iterator[dict[str, str]]:
    """This process sends its tasks to a filesystem broker in the test's folder; returns the
    worker's environment, which names the same folder (its var/), database and storage."""
    queue, control = tmp_path / "celery" / "queue", tmp_path / "celery" / "control"
    queue.mkdir(parents=True)
    control.mkdir(parents=True)
    conf = celery_app.conf
    was = conf.task_always_eager, conf.broker_url, conf.broker_transport_options
    conf.task_always_eager, conf.broker_url = False, "filesystem://"
    conf.broker_transport_options = {
        "data_folder_in": str(queue),
        "data_folder_out": str(queue),
        "control_folder": str(control),
    }
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    try:
        yield {
            **os.environ,
            "DJANGO_DEBUG": "true",
            "DATABASE_URL": _database_url(),
            "CELERY_BROKER_URL": "filesystem://",
            # The worker's var/: its broker folders, progress channel (var/jobs) and private
            # files (var/private) are the ones the test's settings name.
            "TWINSCHOOLS_VAR_DIR": str(tmp_path),
            "TWINSCHOOLS_PRIVATE_MEDIA_ROOT": str(django_settings.MEDIA_ROOT),
            "REDIS_URL": "",
        }
    finally:
        conf.task_always_eager, conf.broker_url, conf.broker_transport_options = was
        celery_app._pool = None
        celery_app.amqp._producer_pool = None


def _start_worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "twinschools", "worker", "--pool=solo", "--loglevel=info"],
        env=env,
        cwd=django_settings.BASE_DIR,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )


def _wait_until_halfway(job: Job, worker: subprocess.Popen[bytes], log: Path) -> int:
    """Wait until the worker has read part of the file, but not all; return the bytes read."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert worker.poll() is None, log.read_text()
        done, total = (jobs._Channel(job.pk).read().get(field) for field in ("done", "total"))
        if done and total and 0 < done < total:
            return int(done)
        time.sleep(0.05)
    raise AssertionError(f"The worker never got going:\n{log.read_text()}")


def test_a_worker_killed_mid_import_leaves_a_failed_job_and_nothing_imported(
    tmp_path: Path, filesystem_broker: dict[str, str]
) -> None:
    admin = User.objects.create_superuser("admin@example.org", "a long and unguessable password")
    teachers = import_teachers_for_the_big_file(200)
    big = tmp_path / "activities.csv"
    write_big_activities_file(big, teachers, 20 * 1024 * 1024)
    client = signed_in(admin)
    with big.open("rb") as upload:
        client.post(reverse("network:import"), {"csv_files": [upload]})  # queued on commit
    job = Job.objects.get()
    upload_path = job.params["files"][0]["path"]

    log = tmp_path / "worker.log"
    worker = _start_worker(filesystem_broker, log)
    try:
        read = _wait_until_halfway(job, worker, log)
        worker.send_signal(signal.SIGKILL)
    finally:
        worker.kill()
        worker.wait(30)

    job.refresh_from_db()
    assert job.status == Job.Status.RUNNING  # nobody is left to say otherwise
    assert read > 0 and Activity.objects.count() == 0  # its transaction died with it
    assert "heartbeat" in jobs._Channel(job.pk).read()

    # Beat's sweep, once the heartbeat is stale.
    assert jobs.sweep(now=timezone.now() + jobs.STALE_AFTER + timedelta(seconds=1)).failed == 1

    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert job.message == "The worker stopped while this job ran; nothing was kept. Start it again."
    assert Activity.objects.count() == 0
    assert not default_storage.exists(upload_path)
    page = client.get(reverse("core:job", args=[job.pk])).content.decode()
    assert "The worker stopped while this job ran" in page and "Start again" in page


def test_a_restarted_worker_runs_the_job_whose_message_was_lost(
    tmp_path: Path, filesystem_broker: dict[str, str]
) -> None:
    """A worker read the message and was killed before it started the job: kombu's filesystem
    broker deletes a message once read, so only the sweep can queue the job again."""
    admin = User.objects.create_superuser("admin@example.org", "a long and unguessable password")
    schools = b"external_id,name,country,town,registered_on\r\nS-RO-1,Liceul 1,RO,Turda,2015-09-01\r\n"
    stored = store_uploads([SimpleUploadedFile("schools.csv", schools)])
    job = Job.objects.create(  # as jobs.start writes it; its message is gone
        kind=IMPORT,
        owner=admin,
        params={"files": stored, "country_scope": None, "dry_run": False},
        heartbeat_at=timezone.now() - jobs.QUEUED_TOO_LONG - timedelta(seconds=1),
    )

    # The restarted worker sweeps as it starts: the job is queued again and runs.
    log = tmp_path / "worker.log"
    worker = _start_worker(filesystem_broker, log)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not Job.objects.get(pk=job.pk).finished:
            assert worker.poll() is None, log.read_text()
            time.sleep(0.1)
    finally:
        worker.terminate()
        worker.wait(30)

    job.refresh_from_db()
    assert job.status == Job.Status.DONE, log.read_text()
    assert job.result["files"][0]["created"] == 1
    assert School.objects.filter(external_id="S-RO-1").exists()
