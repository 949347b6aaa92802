"""A background job's page: the bar moves in place while the worker works, then the result shows."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.conftest import World
from tests.e2e.conftest import NewPage
from twinschools.core import jobs
from twinschools.core.models import Job

pytestmark = pytest.mark.browser

RESULT = {
    "dry_run": True,
    "files": [
        {
            "file": "schools.csv",
            "kind": "schools",
            "kind_label": "schools",
            "created": 4,
            "updated": 0,
            "unchanged": 0,
        }
    ],
    "problems": [],
}


def running_import(owner: Any, *, done: int, total: int) -> Job:
    """An import a worker has started: its row says running, its progress is in the channel."""
    job = Job.objects.create(
        kind="network.import",
        owner=owner,
        params={"files": [], "dry_run": True},
        status=Job.Status.RUNNING,
        started_at=timezone.now(),
    )
    jobs._Channel(job.pk).update(done=done, total=total)
    return job


def finish(job: Job) -> None:
    jobs._Channel(job.pk).clear()
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.DONE, result=RESULT, done=100, total=100, finished_at=timezone.now()
    )


def test_the_progress_bar_moves_in_place_and_the_result_replaces_it(world: World, new_page: NewPage) -> None:
    job = running_import(world.people["nso_x"], done=40 * 2**20, total=100 * 2**20)
    page = new_page(user=world.people["nso_x"])
    page.goto(reverse("core:job", args=[job.pk]))
    bar = page.get_by_role("progressbar")
    expect(bar).to_have_attribute("value", "40")
    expect(page.get_by_text("40.0 MB of 100.0 MB read (40%).")).to_be_visible()
    expect(page.get_by_role("button", name="Cancel the work")).to_be_visible()

    jobs._Channel(job.pk).update(done=80 * 2**20)
    expect(bar).to_have_attribute("value", "80")  # polled, not reloaded
    finish(job)

    expect(page.locator("#job-announce")).to_have_text("The work has finished; its result is shown.")
    expect(page.get_by_role("progressbar")).to_have_count(0)
    expect(page.get_by_role("button", name="Cancel the work")).to_have_count(0)
    table = page.get_by_role(
        "table", name="Rows that the import would create, update or leave unchanged, per file"
    )
    expect(table).to_contain_text("schools.csv")


def test_cancelling_asks_first_then_the_page_says_it_is_stopping(world: World, new_page: NewPage) -> None:
    job = running_import(world.people["nso_x"], done=10, total=100)
    page = new_page(user=world.people["nso_x"])
    page.goto(reverse("core:job", args=[job.pk]))

    page.get_by_role("button", name="Cancel the work").click()
    page.get_by_role("dialog").get_by_role("button", name="Cancel the work").click()

    expect(page.get_by_text("Stopping: the work was asked to cancel.")).to_be_visible()
    assert jobs._Channel(job.pk).read()["cancel"] is True


@pytest.mark.parametrize("language", ["en", "ro", "ca"])
def test_the_job_page_is_accessible_while_running_and_when_done(
    world: World, new_page: NewPage, assert_accessible: Any, language: str
) -> None:
    job = running_import(world.people["nso_x"], done=30, total=100)
    page = new_page(user=world.people["nso_x"], language=language)
    url = reverse("core:job", args=[job.pk])
    page.goto(url)
    assert_accessible(page, f"{url} running ({language})")
    finish(job)
    expect(page.get_by_role("progressbar")).to_have_count(0)
    assert_accessible(page, f"{url} done ({language})")
