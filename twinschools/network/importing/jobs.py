"""The web import as a background job: the upload waits in private storage for a worker.

The request only stores the files (`store_uploads`) and starts the job; the worker opens
them from storage and runs the same all-or-nothing `import_network_files` as the command,
reporting the bytes read so far. A cancel request raises `Cancelled` from inside the
import's transaction, so nothing of it is kept. The files are deleted once the job ends.
"""

from __future__ import annotations

import uuid
from contextlib import ExitStack
from typing import Any, BinaryIO, cast

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.urls import reverse
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from twinschools.accounts.models import User
from twinschools.core import jobs
from twinschools.core.models import Job
from twinschools.network.importing.report import FileReport, ImportReport, Problem
from twinschools.network.importing.services import import_network_files

KIND = "network.import"
FOLDER = "jobs/imports"


def start_import(
    *, by: User, uploads: list[UploadedFile], country_scope: set[int] | None, dry_run: bool
) -> Job:
    """Stores the uploads privately and queues their import; returns the job to follow."""
    stored = store_uploads(uploads)
    return jobs.start(
        kind=KIND,
        owner=by,
        params={
            "files": stored,
            "country_scope": sorted(country_scope) if country_scope is not None else None,
            "dry_run": dry_run,
        },
    )


def store_uploads(uploads: list[UploadedFile]) -> list[dict[str, Any]]:
    """Each upload under a folder of its own; a spooled upload is moved, not copied."""
    folder = f"{FOLDER}/{uuid.uuid4().hex}"
    stored = []
    for position, upload in enumerate(uploads):
        name = upload.name or f"file-{position + 1}.csv"
        path = default_storage.save(f"{folder}/{position}-{get_valid_filename(name) or 'file.csv'}", upload)
        stored.append({"name": name, "path": path, "size": upload.size or 0})
    return stored


class _Counted:
    """A binary stream that tells the job's progress how many bytes were read."""

    def __init__(self, stream: BinaryIO, progress: jobs.Progress, before: int, total: int) -> None:
        self.stream = stream
        self.progress = progress
        self.read_so_far = before
        self.total = total

    def readline(self, limit: int = -1) -> bytes:
        line = self.stream.readline(limit)
        self.read_so_far += len(line)
        self.progress.advance(self.read_so_far, self.total)
        return line

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.read_so_far += len(data)
        self.progress.advance(self.read_so_far, self.total)
        return data


def run_import(job: Job, progress: jobs.Progress) -> dict[str, Any]:
    params = job.params
    files = params["files"]
    total = sum(int(file["size"]) for file in files)
    progress.advance(0, total)
    scope = params.get("country_scope")
    with ExitStack() as stack:
        opened: list[tuple[str, BinaryIO]] = []
        before = 0
        for file in files:
            stream = stack.enter_context(default_storage.open(file["path"], "rb"))
            opened.append(
                (file["name"], cast(BinaryIO, _Counted(cast(BinaryIO, stream), progress, before, total)))
            )
            before += int(file["size"])
        # One total for all files: each counter starts after the bytes of the files before it
        # (files are read in dependency order, so the bar may jump between files).
        report = import_network_files(
            files=opened,
            by=job.owner,
            country_scope=set(scope) if scope is not None else None,
            dry_run=bool(params.get("dry_run")),
        )
    progress.advance(total, total)
    return report_to_json(report)


def report_to_json(report: ImportReport) -> dict[str, Any]:
    return {
        "dry_run": report.dry_run,
        "files": [
            {
                "file": file.file,
                "kind": file.kind,
                "kind_label": file.kind_label,
                "created": file.created,
                "updated": file.updated,
                "unchanged": file.unchanged,
            }
            for file in report.files
        ],
        "problems": [[p.file, p.row, p.column, p.message] for p in report.problems],
    }


def report_from_json(data: dict[str, Any]) -> ImportReport:
    return ImportReport(
        files=[FileReport(**file) for file in data.get("files", [])],
        problems=[Problem(*problem) for problem in data.get("problems", [])],
        dry_run=bool(data.get("dry_run")),
    )


def _result_context(job: Job) -> dict[str, Any]:
    return {"report": report_from_json(job.result)} if job.status == Job.Status.DONE else {}


def delete_files(job: Job) -> None:
    for file in job.params.get("files", []):
        default_storage.delete(file["path"])


def register() -> None:
    jobs.register(
        jobs.Kind(
            name=KIND,
            title=_("Import of the network"),
            work=run_import,
            result_template="network/import_job_result.html",
            unit=jobs.BYTES,
            result_context=_result_context,
            cleanup=delete_files,
            # The uploads are deleted once the job ends: starting again means choosing the files.
            start_again_url=lambda job: reverse("network:import"),
        )
    )
