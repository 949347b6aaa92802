from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext_lazy as _

from twinschools.accounts.models import STAFF_ROLES
from twinschools.core.mission import COMMITMENTS
from twinschools.mission.registry import LABEL_GROUP, grouped_sections_for

register = template.Library()


@register.inclusion_tag("workspace/_nav.html", takes_context=True)
def workspace_nav(context: dict[str, Any], school: Any, current: str = "") -> dict[str, Any]:
    """The workspace's sections this person may open; `current` is the active section's key."""
    user = context["request"].user
    titles = {commitment.number: commitment.title for commitment in COMMITMENTS}
    titles[LABEL_GROUP] = _("eTwinning School label")
    groups = [
        {
            "number": number if number in titles and number != LABEL_GROUP else None,
            "title": titles.get(number),
            "links": links,
        }
        for number, links in grouped_sections_for(user, school)
    ]
    current_label = next(
        (section.label for group in groups for section, _url in group["links"] if section.key == current), ""
    )
    return {"groups": groups, "current": current, "current_label": current_label, "school": school}


@register.inclusion_tag("mission/_dashboard_link.html")
def dashboard_workspace_link(membership: Any) -> dict[str, Any]:
    """'Open the workspace' next to a school where the person is on the staff."""
    return {"school_id": membership.school_id, "show": membership.role in STAFF_ROLES}


@register.inclusion_tag("mission/_profile_link.html", takes_context=True)
def profile_workspace_link(context: dict[str, Any], school: Any) -> dict[str, Any]:
    """The school profile's way in, for those who may read the workspace (NSO staff read only)."""
    user = context["request"].user
    return {
        "school": school,
        "show": user.has_perm("workspace.view", school),
        "read_only": not user.has_perm("workspace.contribute", school),
    }
