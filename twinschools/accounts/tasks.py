"""Thin Celery tasks: ids in, the service does the work."""

from __future__ import annotations

from celery import shared_task

from twinschools.accounts import services


@shared_task
def send_invitation_email(*, invitation_id: int, accept_url: str) -> None:
    services.send_invitation_email(invitation_id=invitation_id, accept_url=accept_url)
