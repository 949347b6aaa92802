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


@shared_task
def run_job(*, job_id: str) -> None:
    from twinschools.core import jobs

    jobs.run(job_id)


@shared_task
def clear_expired_sessions() -> None:
    """Daily: delete expired sessions from the database (`db` and `cached_db` keep them as rows)."""
    from importlib import import_module

    from django.conf import settings

    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
