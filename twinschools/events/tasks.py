"""Thin Celery tasks: ids in, the service does the work."""

from __future__ import annotations

from celery import shared_task


@shared_task
def send_registration_email(*, registration_id: int, kind: str) -> None:
    from twinschools.events import services

    services.send_registration_email(registration_id=registration_id, kind=kind)


@shared_task
def expire_seat_offers() -> int:
    from twinschools.events import services

    return services.expire_offers()
