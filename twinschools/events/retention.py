"""The daily care of events: reminders the day before, and the purge after the retention period.

Personal data of registrants is kept TWINSCHOOLS_EVENT_RETENTION_DAYS after an
event's last session ends (default 365); then only the counts stay on the event.
Run daily by Celery beat (`events.tasks.daily_care`) or cron (`manage.py purge_event_registrations`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings

from twinschools.events import services


@dataclass(frozen=True)
class Done:
    reminded: int
    purged: int


def daily_care(*, now: datetime | None = None) -> Done:
    """Idempotent: reminders carry a sent mark, purged events a purge date."""
    return Done(
        reminded=services.send_reminders(now=now),
        purged=services.purge_registrations(
            retention_days=settings.TWINSCHOOLS_EVENT_RETENTION_DAYS, now=now
        ),
    )
