"""Thin Celery tasks: the service does the work."""

from __future__ import annotations

from celery import shared_task


@shared_task
def send_digests(*, period: str) -> int:
    """The daily or weekly digests (Celery beat, settings.CELERY_BEAT_SCHEDULE)."""
    from twinschools.notifications import services

    return services.send_digests(period=period)
