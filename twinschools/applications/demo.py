"""The demo school's application: filled in later in this file."""

from __future__ import annotations

from typing import Any


def seed_application(*, school: Any, people: dict[str, Any], rng: Any, today: Any) -> None:
    return None
