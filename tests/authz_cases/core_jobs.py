"""Background jobs: only the person who started one, and platform admins, may follow it."""

from __future__ import annotations

from django.urls import reverse

from tests.authz import Case, only
from tests.conftest import World
from twinschools.core.models import Job


def _job_of_nso_x(w: World) -> Job:
    owner = w.user("nso_x")
    assert owner is not None
    return Job.objects.create(kind="network.import", owner=owner, params={"files": [], "dry_run": True})


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
]
