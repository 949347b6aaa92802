"""Thin Celery tasks: ids in, the service does the work."""

from __future__ import annotations

from celery import shared_task


@shared_task
def run_job(*, job_id: str) -> None:
    from twinschools.core import jobs

    jobs.run(job_id)
