"""Background jobs: queued, running with progress, then done, cancelled or failed (core/jobs.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.clients import signed_in
from tests.network.test_import import SCHOOLS_HEADER, csv_bytes
from twinschools.core import jobs
from twinschools.core.models import AuditEvent, Job
from twinschools.network.importing.jobs import delete_files, run_import
from twinschools.network.models import School

Capture = Callable[..., Any]
pytestmark = pytest.mark.django_db

# What each test kind's work does, set by the test that runs it.
WORK: dict[str, Callable[[Job, jobs.Progress], dict[str, Any]]] = {}


def _work_of(name: str) -> Callable[[Job, jobs.Progress], dict[str, Any]]:
    return lambda job, progress: WORK[name](job, progress)


for _name in ("tests.counting", "tests.import_then_cancel"):
    jobs.register(
        jobs.Kind(
            name=_name,
            title="Counting",
            work=_work_of(_name),
            result_template="network/import_job_result.html"
            if _name == "tests.import_then_cancel"
            else "core/jobs/_test_result.html",
            unit=jobs.BYTES if _name == "tests.import_then_cancel" else jobs.ITEMS,
            cleanup=delete_files if _name == "tests.import_then_cancel" else None,
        )
    )


@pytest.fixture(autouse=True)
def _report_every_call(monkeypatch: pytest.MonkeyPatch) -> None:
    """Progress is written at most twice a second; the tests look at every step."""
    monkeypatch.setattr(jobs, "REPORT_EVERY_SECONDS", 0)


@pytest.fixture
def owner(db: None) -> Any:
    return factories.UserFactory(email="nso@example.org")


def fragment(client: Client, job: Job) -> str:
    response = client.get(reverse("core:job_state", args=[job.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    return response.content.decode()


def test_a_job_waits_then_shows_its_progress_while_it_runs_then_its_result(
    owner: Any, django_capture_on_commit_callbacks: Capture
) -> None:
    client = signed_in(owner)
    seen: list[str] = []

    def count(job: Job, progress: jobs.Progress) -> dict[str, Any]:
        for done in range(1, 11):
            progress.advance(done, 10)
            if done == 5:
                seen.append(fragment(client, job))
        return {"counted": 10}

    WORK["tests.counting"] = count
    with django_capture_on_commit_callbacks() as callbacks:
        job = jobs.start(kind="tests.counting", owner=owner, params={})
    waiting = fragment(client, job)
    assert Job.objects.get().status == Job.Status.QUEUED
    assert "Waiting for a worker to start it." in waiting
    assert 'hx-trigger="every 1s"' in waiting

    for callback in callbacks:
        callback()

    halfway = seen[0]
    assert 'hx-trigger="every 1s"' in halfway
    assert '<progress id="job-progress" class="job-progress" max="100" value="50"' in halfway
    assert "5 of 10 done (50%)." in halfway
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.result == {"counted": 10}
    assert (job.done, job.total) == (10, 10)
    finished = fragment(client, job)
    assert "hx-trigger" not in finished  # the polling stops
    assert "The work has finished; its result is shown." in finished  # told to the live region
    assert "Counted: 10" in finished
    assert list(
        AuditEvent.objects.filter(target_id=str(job.pk)).order_by("id").values_list("action", flat=True)
    ) == ["core.job.started", "core.job.done"]


def test_a_job_that_breaks_is_failed_with_a_message_and_the_page_says_so(
    owner: Any, django_capture_on_commit_callbacks: Capture
) -> None:
    def break_down(job: Job, progress: jobs.Progress) -> dict[str, Any]:
        progress.advance(3, 10)
        raise RuntimeError("disk on fire")

    WORK["tests.counting"] = break_down
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.start(kind="tests.counting", owner=owner, params={})

    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert job.message.startswith("The work stopped because of an error on the server.")
    assert "disk on fire" not in job.message
    page = signed_in(owner).get(reverse("core:job", args=[job.pk])).content.decode()
    assert 'role="alert"' in page and "The work stopped because of an error" in page


def test_a_refusal_from_the_work_is_its_failure_message(
    owner: Any, django_capture_on_commit_callbacks: Capture
) -> None:
    def refuse(job: Job, progress: jobs.Progress) -> dict[str, Any]:
        raise ValidationError("The round is closed.")

    WORK["tests.counting"] = refuse
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.start(kind="tests.counting", owner=owner, params={})

    job.refresh_from_db()
    assert (job.status, job.message) == (Job.Status.FAILED, "The round is closed.")


def schools_upload(count: int) -> SimpleUploadedFile:
    rows = [[f"S-RO-{n}", f"Școala Gimnazială nr. {n}", "RO", "Brăila", "2019-01-01"] for n in range(count)]
    return SimpleUploadedFile("schools.csv", csv_bytes(SCHOOLS_HEADER, rows), content_type="text/csv")


def test_an_import_cancelled_while_it_runs_keeps_nothing_and_its_files_are_deleted(
    django_capture_on_commit_callbacks: Capture,
) -> None:
    factories.country("RO")
    admin = factories.UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)
    client = signed_in(admin)

    def cancel_then_import(job: Job, progress: jobs.Progress) -> dict[str, Any]:
        # The owner presses Cancel on the job's page while the worker reads the file.
        assert client.post(reverse("core:job_cancel", args=[job.pk])).status_code == 302
        assert "Stopping: the work was asked to cancel." in fragment(client, job)
        return run_import(job, progress)

    WORK["tests.import_then_cancel"] = cancel_then_import
    with django_capture_on_commit_callbacks(execute=True):
        from twinschools.network.importing.jobs import store_uploads

        stored = store_uploads([schools_upload(3000)])
        job = jobs.start(
            kind="tests.import_then_cancel", owner=admin, params={"files": stored, "dry_run": False}
        )

    job.refresh_from_db()
    assert job.status == Job.Status.CANCELLED and job.cancel_requested
    assert School.objects.count() == 0
    assert not AuditEvent.objects.filter(action="network.registry.imported").exists()
    assert not default_storage.exists(stored[0]["path"])
    page = client.get(reverse("core:job", args=[job.pk])).content.decode()
    assert "The work was cancelled before it finished: nothing of it was kept." in page
    assert "Cancel the work" not in page


def test_an_import_cancelled_before_a_worker_takes_it_never_runs(
    django_capture_on_commit_callbacks: Capture,
) -> None:
    factories.country("RO")
    admin = factories.UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)
    client = signed_in(admin)
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(reverse("network:import"), {"csv_files": [schools_upload(10)]})
    job = Job.objects.get()
    assert response.url == reverse("core:job", args=[job.pk])
    path = job.params["files"][0]["path"]
    assert default_storage.exists(path)  # stored privately, waiting for the worker

    assert client.post(reverse("core:job_cancel", args=[job.pk])).url == reverse("core:job", args=[job.pk])
    job.refresh_from_db()
    assert job.status == Job.Status.CANCELLED
    for callback in callbacks:
        callback()  # the worker takes the task later: it does nothing

    job.refresh_from_db()
    assert job.status == Job.Status.CANCELLED
    assert School.objects.count() == 0


def test_the_job_page_names_its_progress_bar_and_has_a_live_region(
    owner: Any, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks():
        job = jobs.start(kind="tests.counting", owner=owner, params={})

    page = signed_in(owner).get(reverse("core:job", args=[job.pk])).content.decode()

    assert '<p id="job-announce" class="visually-hidden" role="status" aria-live="polite"></p>' in page
    assert 'aria-labelledby="job-progress-label"' in page
    assert "Cancel the work" in page and "data-confirm=" in page


@pytest.mark.parametrize("redis_url", ["", "redis://configured"], ids=["files", "cache"])
def test_the_workers_progress_and_the_owners_cancel_never_overwrite_each_other(
    owner: Any, settings: Any, redis_url: str
) -> None:
    """Redis configured: the channel is the cache (here the tests' local one); else files."""
    settings.REDIS_URL = redis_url
    job = Job.objects.create(kind="tests.counting", owner=owner, status=Job.Status.RUNNING)
    worker, web = jobs._Channel(job.pk), jobs._Channel(job.pk)

    worker.update(done=10, total=100)
    web.update(cancel=True)
    worker.update(done=20)

    assert worker.read() == {"done": 20, "total": 100, "cancel": True}
    assert jobs.state_of(job).cancel_requested and jobs.state_of(job).percent == 20
    worker.clear()
    assert web.read() == {}
