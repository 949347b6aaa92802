"""Thin Celery tasks: ids in, the service does the work."""

from __future__ import annotations

from celery import shared_task


@shared_task
def run_eligibility(*, round_id: int, run_by_id: int | None) -> dict[str, int]:
    from twinschools.accounts.models import User
    from twinschools.labels import services
    from twinschools.labels.models import Round

    run_by = User.objects.filter(pk=run_by_id).first() if run_by_id else None
    done = services.run_eligibility(round=Round.objects.get(pk=round_id), run_by=run_by)
    return {"checked": done.checked, "eligible": done.eligible}


@shared_task
def send_invitations(*, round_id: int) -> int:
    from twinschools.labels import services
    from twinschools.labels.models import Round

    return services.send_invitations(round=Round.objects.get(pk=round_id))
