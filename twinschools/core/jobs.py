"""Background jobs: long work done by a worker, with progress, cancelling and a result page.

One mechanism for every kind of long work (imports, the eligibility check, exports):

- an app registers a kind once (`register`, from its AppConfig.ready()): the function the
  worker runs, the unit of its progress and the template of its result;
- a view calls `start` (a service: writes the `Job` row, audits, queues the Celery task
  `core.tasks.run_job` on commit) and redirects to the job's page, `jobs/<uuid>/`;
- the worker's `run` calls the kind's function with a `Progress`: `progress.advance(done,
  total)` reports how far it is (written at most every half second) and raises `Cancelled`
  once the owner asked to cancel, which rolls back the work's transaction;
- the job's page polls a fragment every second until the job has finished, then shows the
  result.

Progress and the cancel request travel beside the database (`_Channel`: the cache when
Redis is configured, else a small file in JOBS_PROGRESS_DIR): an all-or-nothing import
holds one long transaction, and on SQLite that transaction holds the database's only write
lock, so the row itself is written only before and after the work.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from twinschools.core import audit
from twinschools.core.models import Job

logger = logging.getLogger(__name__)

# Progress is written at most this often: a poll every second sees it move, and a
# million-row import does not spend its time writing it.
REPORT_EVERY_SECONDS = 0.5

BYTES = "bytes"
ITEMS = "items"


class Cancelled(Exception):
    """Raised inside the work when its owner asked to cancel it; rolls its transaction back."""


@dataclass(frozen=True)
class Kind:
    name: str  # "app.what", as the audit trail names actions
    title: Callable[[], str] | Promise  # "Import of the network", translated when shown
    work: Callable[[Job, Progress], dict[str, Any]]  # returns the result, stored as JSON
    result_template: str  # renders `job` and `result` (see result_context)
    unit: str = ITEMS  # BYTES: progress is shown as sizes
    result_context: Callable[[Job], dict[str, Any]] | None = None
    # Called once the job has finished, whatever happened (deletes uploaded files).
    cleanup: Callable[[Job], None] | None = None


_KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    _KINDS[kind.name] = kind


def kind_of(job: Job) -> Kind:
    return _KINDS[job.kind]


class _Channel:
    """Where a running job's progress and its cancel request live, outside any transaction.

    Each value has its own cache key or file: the worker writes `done` and `total`, the web
    writes `cancel`, so neither overwrites what the other wrote.
    """

    FIELDS = ("done", "total", "cancel")

    def __init__(self, job_id: object) -> None:
        self.key = f"twinschools:job:{job_id}"
        self.folder = Path(settings.JOBS_PROGRESS_DIR)
        self.name = str(job_id)

    @staticmethod
    def _shared_cache() -> bool:
        return bool(getattr(settings, "REDIS_URL", ""))

    def _path(self, field: str) -> Path:
        return self.folder / f"{self.name}.{field}.json"

    def read(self) -> dict[str, Any]:
        if self._shared_cache():
            found = cache.get_many([f"{self.key}:{field}" for field in self.FIELDS])
            return {key.rsplit(":", 1)[1]: value for key, value in found.items()}
        state = {}
        for field in self.FIELDS:
            try:
                state[field] = json.loads(self._path(field).read_text())
            except (OSError, ValueError):
                continue
        return state

    def update(self, **values: Any) -> None:
        if self._shared_cache():
            cache.set_many(
                {f"{self.key}:{field}": value for field, value in values.items()}, timeout=7 * 24 * 3600
            )
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for field, value in values.items():
            partial = self.folder / f"{self.name}.{field}.{os.getpid()}.tmp"
            partial.write_text(json.dumps(value))
            partial.replace(self._path(field))  # atomic: a reader never sees half a file

    def clear(self) -> None:
        if self._shared_cache():
            cache.delete_many([f"{self.key}:{field}" for field in self.FIELDS])
            return
        for field in self.FIELDS:
            self._path(field).unlink(missing_ok=True)


class Progress:
    """What the work uses to say how far it is and to learn that it should stop."""

    def __init__(self, job: Job, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.job = job
        self.done = 0
        self.total: int | None = None
        self._channel = _Channel(job.pk)
        self._clock = clock
        self._last = float("-inf")

    def advance(self, done: int, total: int | None = None) -> None:
        """Report `done` of `total`; cheap to call for every row. Raises Cancelled."""
        self.done = done
        if total is not None:
            self.total = total
        now = self._clock()
        if now - self._last < REPORT_EVERY_SECONDS:
            return
        self._last = now
        self._channel.update(done=self.done, total=self.total)
        self.check_cancelled()

    def check_cancelled(self) -> None:
        if self._channel.read().get("cancel"):
            raise Cancelled


@dataclass(frozen=True)
class State:
    """A job as its page shows it: the row, with the running progress read from the channel."""

    job: Job
    done: int
    total: int | None
    cancel_requested: bool

    @property
    def percent(self) -> int | None:
        if not self.total:
            return None
        return min(100, int(self.done * 100 / self.total))


def state_of(job: Job) -> State:
    if job.status == Job.Status.RUNNING:
        live = _Channel(job.pk).read()
        return State(
            job,
            int(live.get("done", job.done)),
            live.get("total", job.total),
            bool(live.get("cancel") or job.cancel_requested),
        )
    return State(job, job.done, job.total, job.cancel_requested)


# --- Services ---------------------------------------------------------------------------------


def start(
    *,
    kind: str,
    owner: Any,
    params: dict[str, Any],
    school: Any = None,
    country: Any = None,
) -> Job:
    """Writes the job and queues it for a worker once the caller's transaction commits."""
    from twinschools.core import tasks

    if kind not in _KINDS:
        raise ValueError(f"unknown job kind {kind!r}")
    with transaction.atomic():
        job = Job.objects.create(
            kind=kind,
            owner=owner,
            params=params,
            school=school,
            country=country,
            language=translation.get_language() or settings.LANGUAGE_CODE,
        )
        audit.record(actor=owner, action="core.job.started", school=school, target=job, data={"kind": kind})
        transaction.on_commit(lambda: tasks.run_job.delay(job_id=str(job.pk)))
    return job


def request_cancel(*, job: Job, by: Any) -> None:
    """A queued job is cancelled at once; a running one stops at its next progress report."""
    with transaction.atomic():
        locked = Job.objects.get(pk=job.pk)
        if locked.finished:
            return
        _Channel(job.pk).update(cancel=True)
        if locked.status == Job.Status.QUEUED:
            locked.status = Job.Status.CANCELLED
            locked.cancel_requested = True
            locked.finished_at = timezone.now()
            locked.save(update_fields=["status", "cancel_requested", "finished_at"])
        # A running job's row is left alone: on SQLite its work holds the write lock, and the
        # worker records the cancellation itself.
        audit.record(actor=by, action="core.job.cancel_requested", school=job.school, target=job)


def run(job_id: str) -> None:
    """The worker's side: runs the job's work once, and records how it ended."""
    job = Job.objects.filter(pk=job_id).first()
    if job is None or job.status != Job.Status.QUEUED:
        return  # already run, or cancelled before it started
    kind = kind_of(job)
    channel = _Channel(job.pk)
    if channel.read().get("cancel"):
        _finish(job, Job.Status.CANCELLED, kind=kind)
        return
    job.status = Job.Status.RUNNING
    job.started_at = timezone.now()
    job.save(update_fields=["status", "started_at"])
    progress = Progress(job)
    with translation.override(job.language or settings.LANGUAGE_CODE):
        try:
            result = kind.work(job, progress)
        except Cancelled:
            _finish(job, Job.Status.CANCELLED, kind=kind, progress=progress)
        except ValidationError as error:
            _finish(job, Job.Status.FAILED, kind=kind, progress=progress, message=" ".join(error.messages))
        except Exception:
            logger.exception("Background job %s (%s) failed", job.pk, job.kind)
            message = _(
                "The work stopped because of an error on the server. Nothing was changed; try again later."
            )
            _finish(job, Job.Status.FAILED, kind=kind, progress=progress, message=message)
        else:
            _finish(job, Job.Status.DONE, kind=kind, progress=progress, result=result)


def _finish(
    job: Job,
    status: str,
    *,
    kind: Kind,
    progress: Progress | None = None,
    message: str = "",
    result: dict[str, Any] | None = None,
) -> None:
    job.status = status
    job.message = message
    job.result = result or {}
    job.cancel_requested = job.cancel_requested or status == Job.Status.CANCELLED
    job.finished_at = timezone.now()
    if progress is not None:
        job.done, job.total = progress.done, progress.total
    with transaction.atomic():
        job.save(
            update_fields=["status", "message", "result", "cancel_requested", "finished_at", "done", "total"]
        )
        audit.record(
            actor=job.owner,
            action=f"core.job.{status}",
            school=job.school,
            target=job,
            data={"kind": job.kind},
        )
    _Channel(job.pk).clear()
    if kind.cleanup is not None:
        try:
            kind.cleanup(job)
        except Exception:  # the result stands; a file left behind is only logged
            logger.exception("Cleaning up after job %s failed", job.pk)
