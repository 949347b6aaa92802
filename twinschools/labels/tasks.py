"""Thin Celery tasks: ids in, the service does the work."""

from __future__ import annotations

from celery import shared_task


@shared_task
def send_invitations(*, round_id: int) -> int:
    from twinschools.labels import services
    from twinschools.labels.models import Round

    return services.send_invitations(round=Round.objects.get(pk=round_id))
