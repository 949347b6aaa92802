"""The hourly job: close due proposals, send reminders and review notices.

Celery beat runs it (settings.CELERY_BEAT_SCHEDULE); without a broker, cron
runs `manage.py send_due_notifications`. Running it twice sends nothing twice.
"""

from __future__ import annotations

from celery import shared_task


@shared_task
def send_due_notifications() -> dict[str, int]:
    from twinschools.leadership import services

    done = services.send_due_notifications()
    return {"closed": done.closed, "reminded": done.reminded, "reviews": done.reviews}
