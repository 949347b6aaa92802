"""Thin Celery tasks: ids in, the service does the work."""

from __future__ import annotations

from celery import shared_task


@shared_task
def send_notification_emails(*, notification_ids: list[int]) -> int:
    from twinschools.notifications import services

    return services.send_notification_emails(notification_ids=notification_ids)
