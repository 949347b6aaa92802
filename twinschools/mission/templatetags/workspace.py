from __future__ import annotations

from typing import Any

from django import template

from twinschools.mission.registry import sections_for

register = template.Library()


@register.inclusion_tag("workspace/_nav.html", takes_context=True)
def workspace_nav(context: dict[str, Any], school: Any, current: str = "") -> dict[str, Any]:
    """The workspace's sections this person may open; `current` is the active section's key."""
    user = context["request"].user
    return {"links": sections_for(user, school), "current": current, "school": school}
