from __future__ import annotations

from typing import Any

from twinschools.core.models import AuditEvent


def record(
    *,
    actor: Any,
    action: str,
    school: Any = None,
    target: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Write one audit event; called by services inside their transaction."""
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        school=school,
        target=target[:200],
        data=data or {},
    )
