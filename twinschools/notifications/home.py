"""What changed for a person since their last visit, for the home page: their notifications."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from twinschools.accounts.home import Change
from twinschools.notifications.models import Notification


def changes_since(*, user: Any, since: datetime | None, limit: int) -> tuple[list[Change], int]:
    """The latest notifications since `since` (the unread ones before a first visit), in two queries at most."""
    found = Notification.objects.filter(recipient=user)
    found = found.filter(created_at__gt=since) if since is not None else found.filter(read_at__isnull=True)
    latest = list(found.select_related("school").order_by("-created_at", "-pk")[: limit + 1])
    count = len(latest) if len(latest) <= limit else found.count()
    return [
        Change(
            at=n.created_at,
            message=n.message,
            url=n.url,
            school=n.school.name if n.school else "",
            unread=not n.is_read,
        )
        for n in latest[:limit]
    ], count
