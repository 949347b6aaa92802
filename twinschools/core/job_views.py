"""A background job's page: its progress, updated in place, then its result."""

from __future__ import annotations

from typing import Any

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from twinschools.core import jobs
from twinschools.core.models import Job
from twinschools.core.permissions import requires


def load_job(*, pk: Any) -> Job:
    job = Job.objects.select_related("owner").filter(pk=pk).first()
    if job is None:
        raise Http404
    return job


def _context(job: Job) -> dict[str, Any]:
    kind = jobs.kind_of(job)
    extra = kind.result_context(job) if kind.result_context is not None and job.finished else {}
    return {
        "job": job,
        "state": jobs.state_of(job),
        "kind": kind,
        "title": kind.title,
        "bytes": kind.unit == jobs.BYTES,
        "result": job.result,
        "start_again": _start_again_url(job, kind),
        **extra,
    }


def _start_again_url(job: Job, kind: jobs.Kind) -> str | None:
    """The form that starts such a job, once this one failed or was cancelled."""
    if kind.start_again_url is None or job.status not in (Job.Status.FAILED, Job.Status.CANCELLED):
        return None
    return kind.start_again_url(job)


@requires("core.view_job", load=load_job)
def job_page(request: HttpRequest, obj: Job) -> HttpResponse:
    return render(request, "core/jobs/job.html", _context(obj))


@requires("core.view_job", load=load_job)
def job_state(request: HttpRequest, obj: Job) -> HttpResponse:
    """The fragment the page polls every second while the job runs."""
    return render(request, "core/jobs/_state.html", {**_context(obj), "polled": True})


@requires("core.view_job", load=load_job)
@require_POST
def job_cancel(request: HttpRequest, obj: Job) -> HttpResponse:
    jobs.request_cancel(job=obj, by=request.user)
    return redirect("core:job", obj.pk)


@requires("core.view_job", load=load_job)
def job_download(request: HttpRequest, obj: Job) -> HttpResponse:
    """The file a finished job wrote to private storage (an export), for its owner only."""
    path = obj.result.get("file") if obj.status == Job.Status.DONE else None
    if not path or not default_storage.exists(path):
        raise Http404
    response = FileResponse(
        default_storage.open(path, "rb"),
        as_attachment=True,
        filename=obj.result.get("filename") or "export.csv",
    )
    return response
