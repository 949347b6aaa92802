"""Jobs whose worker died or whose message was lost, and the retention of finished jobs
(core/jobs.py `sweep` and `purge_finished`). A real worker killed mid-import:
tests/core/test_job_worker_killed.py."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone, translation

from tests import factories
from tests.clients import signed_in
from tests.core.test_jobs import WORK, schools_upload
from twinschools.core import jobs
from twinschools.core.models import AuditEvent, Job
from twinschools.network.importing.jobs import KIND as IMPORT
from twinschools.network.importing.jobs import store_uploads
from twinschools.network.models import School

Capture = Callable[..., Any]
pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db: None) -> Any:
    factories.country("RO")
    return factories.UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)


def running_import(owner: Any, *, started: timezone.datetime, language: str = "en") -> Job:
    """An import a worker took at `started`, then wrote nothing more (it was killed)."""
    return Job.objects.create(
        kind=IMPORT,
        owner=owner,
        language=language,
        params={"files": store_uploads([schools_upload(5)]), "dry_run": False},
        status=Job.Status.RUNNING,
        started_at=started,
        heartbeat_at=started,
    )


def test_a_running_job_whose_worker_stopped_is_failed_and_its_page_offers_to_start_again(
    admin: Any,
) -> None:
    job = running_import(admin, started=timezone.now() - jobs.STALE_AFTER - timedelta(seconds=1))
    path = job.params["files"][0]["path"]

    assert jobs.sweep() == jobs.Swept(failed=1, queued_again=0)

    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and job.finished_at is not None
    assert job.message == "The worker stopped while this job ran; nothing was kept. Start it again."
    assert not default_storage.exists(path)  # the upload goes as soon as the job ends
    assert AuditEvent.objects.filter(action="core.job.failed", target_id=str(job.pk)).exists()
    page = signed_in(admin).get(reverse("core:job", args=[job.pk])).content.decode()
    assert 'role="alert"' in page and "The worker stopped while this job ran" in page
    assert f'href="{reverse("network:import")}">Start again</a>' in page
    assert jobs.sweep() == jobs.Swept(failed=0, queued_again=0)  # once


def test_the_failure_is_written_in_the_owners_language(admin: Any) -> None:
    job = running_import(admin, started=timezone.now() - timedelta(hours=1), language="ro")
    jobs.sweep()
    job.refresh_from_db()
    with translation.override("ro"):
        assert job.message == str(jobs.WORKER_LOST)
    assert job.message != str(jobs.WORKER_LOST)  # not the English


def test_a_long_job_whose_worker_still_beats_is_left_running(admin: Any) -> None:
    job = running_import(admin, started=timezone.now() - timedelta(hours=1))
    jobs._Channel(job.pk).update(heartbeat=timezone.now().timestamp() - 5)

    assert jobs.sweep() == jobs.Swept(failed=0, queued_again=0)
    job.refresh_from_db()
    assert job.status == Job.Status.RUNNING


def test_the_worker_beats_while_a_long_step_reports_no_progress(
    admin: Any, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Capture
) -> None:
    monkeypatch.setattr(jobs, "HEARTBEAT_EVERY_SECONDS", 0.01)
    beats: list[float] = []

    def one_long_step(job: Job, progress: jobs.Progress) -> dict[str, Any]:
        # One statement, one solver run: no progress.advance for a long while.
        for _ in range(500):
            beat = jobs._Channel(job.pk).read().get("heartbeat")
            if beat is not None and beat not in beats:
                beats.append(beat)
            if len(beats) == 3:
                break
            threading.Event().wait(0.01)
        return {"counted": len(beats)}

    WORK["tests.counting"] = one_long_step
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.start(kind="tests.counting", owner=admin, params={})

    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.result == {"counted": 3}
    assert beats == sorted(beats)
    assert "heartbeat" not in jobs._Channel(job.pk).read()  # cleared with the rest


def test_a_job_whose_message_was_lost_is_queued_again_and_runs_once(
    admin: Any, django_capture_on_commit_callbacks: Capture
) -> None:
    runs: list[str] = []
    WORK["tests.counting"] = lambda job, progress: runs.append(str(job.pk)) or {"counted": 1}
    with django_capture_on_commit_callbacks():
        job = jobs.start(kind="tests.counting", owner=admin, params={})  # the message never arrives
    later = timezone.now() + jobs.QUEUED_TOO_LONG + timedelta(seconds=1)

    with django_capture_on_commit_callbacks() as again:
        assert jobs.sweep(now=later) == jobs.Swept(failed=0, queued_again=1)
    assert jobs.sweep(now=later) == jobs.Swept(failed=0, queued_again=0)  # not twice in a row
    for callback in [*again, *again]:
        callback()  # the message, delivered twice: the worker's claim lets one run it

    job.refresh_from_db()
    assert job.status == Job.Status.DONE and runs == [str(job.pk)]


def test_a_job_no_worker_took_for_a_day_is_failed(admin: Any) -> None:
    job = Job.objects.create(kind="tests.counting", owner=admin, params={})
    Job.objects.filter(pk=job.pk).update(
        created_at=timezone.now() - timedelta(days=1, minutes=1),
        heartbeat_at=timezone.now() - timedelta(hours=1),
    )
    assert jobs.sweep() == jobs.Swept(failed=0, queued_again=0)
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert job.message == "No worker took this job for a day; nothing was done. Start it again."


def test_a_queued_import_cancelled_deletes_its_upload_at_once(
    admin: Any, django_capture_on_commit_callbacks: Capture
) -> None:
    client = signed_in(admin)
    with django_capture_on_commit_callbacks():
        client.post(reverse("network:import"), {"csv_files": [schools_upload(10)]})
    job = Job.objects.get()
    path = job.params["files"][0]["path"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("core:job_cancel", args=[job.pk]))
    assert not default_storage.exists(path)
    page = client.get(reverse("core:job", args=[job.pk])).content.decode()
    assert "Start again" in page and School.objects.count() == 0


def finished_job(owner: Any, status: str, *, days_ago: float, **fields: Any) -> Job:
    return Job.objects.create(
        kind="tests.counting",
        owner=owner,
        status=status,
        finished_at=timezone.now() - timedelta(days=days_ago),
        **fields,
    )


def test_finished_jobs_and_their_files_are_forgotten_after_the_retention_period(
    admin: Any, settings: Any
) -> None:
    settings.TWINSCHOOLS_JOB_RETENTION_DAYS = 30
    export = default_storage.save("jobs/exports/old/coverage.csv", ContentFile(b"school,country\n"))
    upload = default_storage.save("jobs/imports/old/0-schools.csv", ContentFile(b"external_id\n"))
    old_export = finished_job(admin, Job.Status.DONE, days_ago=31, result={"file": export})
    old_failure = finished_job(
        admin, Job.Status.FAILED, days_ago=40, params={"files": [{"name": "s.csv", "path": upload}]}
    )
    old_cancel = finished_job(admin, Job.Status.CANCELLED, days_ago=31)
    recent = finished_job(admin, Job.Status.DONE, days_ago=29)
    running = Job.objects.create(kind="tests.counting", owner=admin, status=Job.Status.RUNNING)

    assert jobs.purge_finished() == 3

    assert set(Job.objects.values_list("pk", flat=True)) == {recent.pk, running.pk}
    assert not default_storage.exists(export) and not default_storage.exists(upload)
    assert not Job.objects.filter(pk__in=[old_export.pk, old_failure.pk, old_cancel.pk]).exists()


def test_the_retention_period_is_a_setting(admin: Any, settings: Any) -> None:
    finished_job(admin, Job.Status.DONE, days_ago=8)
    settings.TWINSCHOOLS_JOB_RETENTION_DAYS = 10
    assert jobs.purge_finished() == 0
    settings.TWINSCHOOLS_JOB_RETENTION_DAYS = 7
    assert jobs.purge_finished() == 1


def test_beat_sweeps_every_minute_and_purges_daily(settings: Any) -> None:
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert schedule["core-sweep-jobs"] == {"task": "twinschools.core.tasks.sweep_jobs", "schedule": 60.0}
    assert schedule["core-purge-finished-jobs"]["task"] == "twinschools.core.tasks.purge_finished_jobs"


@pytest.mark.parametrize(
    ("kind", "params", "form"),
    [
        ("labels.eligibility", {"round_id": 7}, ("labels:round_edit", [7])),
        ("mentoring.matching", {"country_id": 1, "region_id": None}, ("mentoring:nso_matching", [])),
        ("reach.export", {"which": "gaps", "query": ""}, ("reach:country_reach", [])),
    ],
)
def test_every_kind_of_job_that_failed_links_back_to_where_it_is_started(
    admin: Any, kind: str, params: dict[str, Any], form: tuple[str, list[int]]
) -> None:
    job = Job.objects.create(
        kind=kind, owner=admin, params=params, status=Job.Status.FAILED, finished_at=timezone.now()
    )
    page = signed_in(admin).get(reverse("core:job", args=[job.pk])).content.decode()
    assert f'href="{reverse(form[0], args=form[1])}">Start again</a>' in page
