"""The audit trail: who did what to which object, when.

An event names its object by kind and id (`target_type` "app_label.model", `target_id` the
primary key as text), never by a free-text description: no e-mail, name or title is copied
into the trail, so erasing a person leaves nothing of them here. Actions follow one
vocabulary, `app.object.verb` (`accounts.invitation.sent`, `events.registration.created`).
"""

from __future__ import annotations

import re
from typing import Any

from django.db import models

from twinschools.core.models import AuditEvent

ACTION = re.compile(r"^[a-z_]+\.[a-z_]+\.[a-z_]+$")


def _check_data(value: Any) -> None:
    """Details are machine values: numbers, flags, codes and ids, never an address."""
    if isinstance(value, dict):
        for item in value.values():
            _check_data(item)
    elif isinstance(value, list | tuple):
        for item in value:
            _check_data(item)
    elif isinstance(value, str) and "@" in value:
        raise ValueError("Audit details must not hold e-mail addresses.")


def record(
    *,
    actor: Any,
    action: str,
    school: Any = None,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Write one audit event; called by services inside their transaction.

    `target` is the model instance the action was about (record it before deleting it).
    """
    if not ACTION.match(action):
        raise ValueError(f"Audit action {action!r} is not of the form app.object.verb.")
    if target is not None and (not isinstance(target, models.Model) or target.pk is None):
        raise TypeError("An audit target is a saved model instance.")
    _check_data(data or {})
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        school=school,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        data=data or {},
    )
