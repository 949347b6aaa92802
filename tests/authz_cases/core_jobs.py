"""Background jobs: only the person who started one, and platform admins, may follow it."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from tests.authz import Case, only
from tests.conftest import World
from twinschools.core.models import Job


def _job_of_nso_x(w: World) -> Job:
    owner = w.user("nso_x")
    assert owner is not None
    return Job.objects.create(kind="network.import", owner=owner, params={"files": [], "dry_run": True})


def _finished_export_of_nso_x(w: World) -> Job:
    owner = w.user("nso_x")
    assert owner is not None
    path = default_storage.save("jobs/exports/authz/regions.csv", ContentFile(b"Country,Region\n"))
    return Job.objects.create(
        kind="reach.export",
        owner=owner,
        status=Job.Status.DONE,
        params={"which": "regions", "query": ""},
        result={"file": path, "filename": "regions.csv", "rows": 0},
    )


OWNER = {"nso_x": 200, "admin": 200}

CASES = [
    Case("core:job", lambda w: reverse("core:job", args=[_job_of_nso_x(w).pk]), only(OWNER, others=404)),
    Case(
        "core:job_state",
        lambda w: reverse("core:job_state", args=[_job_of_nso_x(w).pk]),
        only(OWNER, others=404),
    ),
    Case(
        "core:job_cancel",
        lambda w: reverse("core:job_cancel", args=[_job_of_nso_x(w).pk]),
        only({"nso_x": 302, "admin": 302}, others=404),
        method="post",
    ),
    Case(
        "core:job_download",
        lambda w: reverse("core:job_download", args=[_finished_export_of_nso_x(w).pk]),
        only(OWNER, others=404),
    ),
]
