"""Thin Celery tasks: the service does the work (e-mails go through the outbox, core/mail.py)."""

from __future__ import annotations

from celery import shared_task


@shared_task
def expire_seat_offers() -> int:
    from twinschools.events import services

    return services.expire_offers()


@shared_task
def daily_care() -> tuple[int, int]:
    """Day-before reminders and the purge after the retention period (see events/retention.py)."""
    from twinschools.events.retention import daily_care

    done = daily_care()
    return done.reminded, done.purged
