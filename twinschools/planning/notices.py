"""The sentences of the calendar's notifications, translated when read.

A time in a notification is stored as an ISO moment with its school's zone name, and
written in that zone, with the zone named, in the reader's language: the inbox and the
e-mail say the same "3 December 2026, 10:00 (Bucharest time, EET)" whoever reads them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from twinschools.core import zones
from twinschools.core.certificates import long_date
from twinschools.notifications.kinds import register_kind

CO_PLANNER_ADDED = "planning.activity.co_planner_added"


def _co_planner_added(params: dict[str, Any]) -> str:
    values = {
        "by": params.get("by", ""),
        "title": params.get("title", ""),
        "school": params.get("school", ""),
    }
    try:
        starts = datetime.fromisoformat(str(params.get("starts")))
    except ValueError:
        return gettext("%(by)s added you as a co-planner of “%(title)s” at %(school)s.") % values
    zone = str(params.get("zone") or "")
    if params.get("all_day"):
        with zones.local_to(zone):
            day = long_date(starts)
        return gettext(
            "%(by)s added you as a co-planner of “%(title)s” at %(school)s, on %(day)s (all day)."
        ) % {
            **values,
            "day": day,
        }
    return gettext("%(by)s added you as a co-planner of “%(title)s” at %(school)s, on %(when)s.") % {
        **values,
        "when": zones.with_zone(starts, zone),
    }


def register_notices() -> None:
    register_kind(
        CO_PLANNER_ADDED, _co_planner_added, label=_("You are added as a co-planner of an activity")
    )
