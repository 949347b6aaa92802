"""Thin Celery tasks: ids in, the service does the work."""

from __future__ import annotations

from celery import shared_task


@shared_task
def send_registration_email(*, registration_id: int, kind: str) -> None:
    from twinschools.events import services

    services.send_registration_email(registration_id=registration_id, kind=kind)


@shared_task
def send_session_email(
    *,
    registration_id: int,
    kind: str,
    was_starts_at: str,
    was_ends_at: str,
    starts_at: str = "",
    ends_at: str = "",
) -> None:
    from twinschools.events import services

    services.send_session_email(
        registration_id=registration_id,
        kind=kind,
        was_starts_at=was_starts_at,
        was_ends_at=was_ends_at,
        starts_at=starts_at,
        ends_at=ends_at,
    )


@shared_task
def expire_seat_offers() -> int:
    from twinschools.events import services

    return services.expire_offers()


@shared_task
def send_event_reminder(*, registration_id: int) -> None:
    from twinschools.events import services

    services.send_reminder_email(registration_id=registration_id)


@shared_task
def daily_care() -> tuple[int, int]:
    """Day-before reminders and the purge after the retention period (see events/retention.py)."""
    from twinschools.events.retention import daily_care

    done = daily_care()
    return done.reminded, done.purged
