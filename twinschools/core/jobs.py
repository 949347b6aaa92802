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

A worker can die mid-job (kill -9, out of memory, a lost machine). While a job runs, a
thread of its worker writes a heartbeat to the channel every few seconds; the periodic
`sweep` (beat, and each worker as it starts) fails running jobs whose heartbeat stopped,
and queues again the jobs that waited too long for a worker (their message was lost).
`purge_finished` forgets finished jobs, and the files they kept, after
TWINSCHOOLS_JOB_RETENTION_DAYS.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from twinschools.core import audit
from twinschools.core.models import Job

logger = logging.getLogger(__name__)

# Progress is written at most this often: a poll every second sees it move, and a
# million-row import does not spend its time writing it.
REPORT_EVERY_SECONDS = 0.5

# A running job's worker writes its heartbeat this often, whatever the work is doing...
HEARTBEAT_EVERY_SECONDS = 10
# ...and a job whose heartbeat is older than this has lost its worker.
STALE_AFTER = timedelta(minutes=2)
# A job still queued after this was most likely lost with its message: it is queued again
# (the worker's claim is atomic, so a duplicate message runs it once)...
QUEUED_TOO_LONG = timedelta(minutes=10)
# ...until this long after it was asked for: then it is failed, and its owner told.
GIVE_UP_AFTER = timedelta(days=1)

WORKER_LOST = gettext_lazy("The worker stopped while this job ran; nothing was kept. Start it again.")
NEVER_STARTED = gettext_lazy("No worker took this job for a day; nothing was done. Start it again.")

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
    # Where its owner starts such a job again (the form), linked when it failed or was cancelled.
    start_again_url: Callable[[Job], str] | None = None


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

    FIELDS = ("done", "total", "cancel", "heartbeat")

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


class _Heartbeat:
    """A thread that writes the running job's heartbeat to its channel until the work ends.

    A thread rather than `Progress.advance`: a single long step (one big statement, a
    solver) reports no progress for minutes, yet its worker is alive. The thread touches
    only the channel, never the database, so it waits for no lock.
    """

    def __init__(self, job_id: object) -> None:
        self._channel = _Channel(job_id)
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._beat, name=f"heartbeat-{job_id}", daemon=True)

    def __enter__(self) -> _Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stopped.set()
        self._thread.join()

    def _beat(self) -> None:
        while True:
            try:
                self._channel.update(heartbeat=time.time())
            except Exception:  # a full disk or a Redis blip must not end the work
                logger.warning("Could not write the heartbeat of job %s", self._channel.name, exc_info=True)
            if self._stopped.wait(HEARTBEAT_EVERY_SECONDS):
                return


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
            heartbeat_at=timezone.now(),
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
            # No worker will run it, so no worker cleans up after it (its uploads).
            transaction.on_commit(lambda: _clean_up(locked, kind_of(locked)))
        # A running job's row is left alone: on SQLite its work holds the write lock, and the
        # worker records the cancellation itself.
        audit.record(actor=by, action="core.job.cancel_requested", school=job.school, target=job)


def run(job_id: str) -> None:
    """The worker's side: runs the job's work once, and records how it ended."""
    job = Job.objects.filter(pk=job_id).first()
    if job is None or job.status != Job.Status.QUEUED:
        return  # already run, or cancelled before it started
    kind = kind_of(job)
    if _Channel(job.pk).read().get("cancel"):
        _finish(job, Job.Status.CANCELLED, kind=kind)
        return
    if not _claim(job):
        return  # another worker took it (the sweep queued it again, and both messages arrived)
    progress = Progress(job)
    with translation.override(job.language or settings.LANGUAGE_CODE):
        with _Heartbeat(job.pk):  # stopped before the end is recorded: no beat after it
            status, message, result = _work(job, kind, progress)
        _finish(job, status, kind=kind, progress=progress, message=message, result=result)


def _work(job: Job, kind: Kind, progress: Progress) -> tuple[str, str, dict[str, Any] | None]:
    """Run the kind's work; return how it ended: status, message and result."""
    try:
        return Job.Status.DONE, "", kind.work(job, progress)
    except Cancelled:
        return Job.Status.CANCELLED, "", None
    except ValidationError as error:
        return Job.Status.FAILED, " ".join(error.messages), None
    except Exception:
        logger.exception("Background job %s (%s) failed", job.pk, job.kind)
        message = _(
            "The work stopped because of an error on the server. Nothing was changed; try again later."
        )
        return Job.Status.FAILED, message, None


def _claim(job: Job) -> bool:
    """Mark the job running, unless another worker already did: one UPDATE decides."""
    now = timezone.now()
    taken = Job.objects.filter(pk=job.pk, status=Job.Status.QUEUED).update(
        status=Job.Status.RUNNING, started_at=now, heartbeat_at=now
    )
    job.status, job.started_at, job.heartbeat_at = Job.Status.RUNNING, now, now
    return taken == 1


def _finish(
    job: Job,
    status: str,
    *,
    kind: Kind,
    progress: Progress | None = None,
    message: str = "",
    result: dict[str, Any] | None = None,
    only_if: str | None = None,
) -> bool:
    """Record how the job ended; with `only_if`, only while its status is still that one."""
    job.status = status
    job.message = message
    job.result = result or {}
    job.cancel_requested = job.cancel_requested or status == Job.Status.CANCELLED
    job.finished_at = timezone.now()
    if progress is not None:
        job.done, job.total = progress.done, progress.total
    fields = ["status", "message", "result", "cancel_requested", "finished_at", "done", "total"]
    with transaction.atomic():
        rows = Job.objects.filter(pk=job.pk)
        if only_if is not None:
            rows = rows.filter(status=only_if)
        if not rows.update(**{name: getattr(job, name) for name in fields}):
            return False  # the job ended meanwhile: its worker was alive after all
        audit.record(
            actor=job.owner,
            action=f"core.job.{status}",
            school=job.school,
            target=job,
            data={"kind": job.kind},
        )
    _Channel(job.pk).clear()
    _clean_up(job, kind)
    return True


def _clean_up(job: Job, kind: Kind) -> None:
    if kind.cleanup is not None:
        try:
            kind.cleanup(job)
        except Exception:  # the result stands; a file left behind is only logged
            logger.exception("Cleaning up after job %s failed", job.pk)


# --- Stale jobs and retention -----------------------------------------------------------------


@dataclass(frozen=True)
class Swept:
    failed: int
    queued_again: int


def sweep(*, now: datetime | None = None) -> Swept:
    """Fail the running jobs whose worker died; queue again the queued ones a worker never took.

    Run by beat every minute, and by each worker as it starts (`make demo` has no beat).
    A dead worker's all-or-nothing import was never committed: its transaction died with
    its connection, so failing the row is all that is left to do.
    """
    from twinschools.core import tasks

    now = now or timezone.now()
    failed = 0
    for job in Job.objects.filter(status=Job.Status.RUNNING):
        if _last_sign_of_life(job) < now - STALE_AFTER:
            failed += _fail(job, WORKER_LOST, only_if=Job.Status.RUNNING)
    queued_again = 0
    long_ago = now - QUEUED_TOO_LONG
    waiting = Job.objects.filter(status=Job.Status.QUEUED).filter(
        Q(heartbeat_at__lt=long_ago) | Q(heartbeat_at__isnull=True, created_at__lt=long_ago)
    )
    for job in waiting:
        if job.created_at < now - GIVE_UP_AFTER:
            _fail(job, NEVER_STARTED, only_if=Job.Status.QUEUED)
            continue
        with transaction.atomic():
            if Job.objects.filter(pk=job.pk, status=Job.Status.QUEUED).update(heartbeat_at=now):
                transaction.on_commit(partial(tasks.run_job.delay, job_id=str(job.pk)))
                queued_again += 1
    return Swept(failed=failed, queued_again=queued_again)


def _fail(job: Job, message: Promise, *, only_if: str) -> bool:
    with translation.override(job.language or settings.LANGUAGE_CODE):
        return _finish(job, Job.Status.FAILED, kind=kind_of(job), message=str(message), only_if=only_if)


def _last_sign_of_life(job: Job) -> datetime:
    """The newer of the row's heartbeat (the worker's claim) and the worker thread's, in the channel."""
    moments = [job.heartbeat_at or job.started_at or job.created_at]
    beat = _Channel(job.pk).read().get("heartbeat")
    if beat is not None:
        moments.append(datetime.fromtimestamp(float(beat), tz=timezone.get_current_timezone()))
    return max(moments)


def purge_finished(*, now: datetime | None = None) -> int:
    """Forget finished jobs older than the retention period, with the files they kept."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.TWINSCHOOLS_JOB_RETENTION_DAYS)
    finished = [Job.Status.DONE, Job.Status.FAILED, Job.Status.CANCELLED]
    old = Job.objects.filter(status__in=finished, finished_at__lt=cutoff).order_by("finished_at")
    purged = 0
    while batch := list(old[:500]):
        for job in batch:
            _delete_files(job)  # first: a file left behind by a failed delete would be lost track of
        Job.objects.filter(pk__in=[job.pk for job in batch]).delete()
        purged += len(batch)
    return purged


def _delete_files(job: Job) -> None:
    """The job's uploads (`params["files"]`, if its clean-up missed them) and the file it
    wrote (`result["file"]`, an export's), through default_storage: local disk or S3 alike."""
    paths = [
        file["path"] for file in job.params.get("files", []) if isinstance(file, dict) and "path" in file
    ]
    if job.result.get("file"):
        paths.append(job.result["file"])
    for path in paths:
        if default_storage.exists(path):
            default_storage.delete(path)
