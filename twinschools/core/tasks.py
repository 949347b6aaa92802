"""Thin Celery tasks of the core: ids in, the service does the work (the outbox's drain, jobs)."""

from __future__ import annotations

from celery import shared_task


@shared_task
def send_queued_email() -> dict[str, int]:
    """Send the outbox's due e-mails (kicked after each commit that queues one, and periodically)."""
    from twinschools.core import mail

    done = mail.drain()
    return {"sent": done.sent, "failed": done.failed}


@shared_task
def purge_sent_email() -> int:
    """Daily: forget the e-mails sent more than 30 days ago."""
    from twinschools.core import mail

    return mail.purge_sent()


# Acknowledged early (Celery's default), not `acks_late` + `reject_on_worker_lost`: a job
# whose worker dies is failed by the sweep, and its owner starts it again. Redelivering it
# would start the work over after partial progress: harmless for an all-or-nothing import
# (its transaction died with the worker), but a file that kills its worker (out of memory)
# would be redelivered and kill the next worker, and the next, with no one told. A message
# lost before a worker took the job is covered too: the sweep queues it again.
@shared_task
def run_job(*, job_id: str) -> None:
    from twinschools.core import jobs

    jobs.run(job_id)


@shared_task
def sweep_jobs() -> dict[str, int]:
    """Every minute: fail jobs whose worker died, queue again the ones no worker took."""
    from twinschools.core import jobs

    swept = jobs.sweep()
    return {"failed": swept.failed, "queued_again": swept.queued_again}


@shared_task
def purge_finished_jobs() -> int:
    """Daily: forget finished jobs, and their files, after TWINSCHOOLS_JOB_RETENTION_DAYS."""
    from twinschools.core import jobs

    return jobs.purge_finished()


@shared_task
def clear_expired_sessions() -> None:
    """Daily: delete expired sessions from the database (`db` and `cached_db` keep them as rows)."""
    from importlib import import_module

    from django.conf import settings

    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
