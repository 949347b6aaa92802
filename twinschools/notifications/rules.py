"""Nobody reads or marks another person's notifications."""

from __future__ import annotations

from typing import Any

import rules


@rules.predicate
def is_recipient(user: Any, notification: Any) -> bool:
    return notification is not None and user.is_authenticated and notification.recipient_id == user.pk


rules.add_perm("notifications.mark_read", is_recipient)
