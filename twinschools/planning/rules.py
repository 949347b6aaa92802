"""Who reads and who changes the action plan and the calendar.

Objects are schools or carry a `school_id` (plans, goals, actions, activities).
"""

from __future__ import annotations

from typing import Any

import rules

from twinschools.accounts.rules import is_admin, is_leader_of, is_nso_for, is_staff_of, is_team_of


@rules.predicate
def is_co_planner_of(user: Any, activity: Any) -> bool:
    """Among the activity's co-planners (loaded with it by queries.activity)."""
    if activity is None or not getattr(user, "pk", None):
        return False
    return any(person.pk == user.pk for person in activity.co_planners.all())


# Staff read the plan and the calendar; NSO staff of the country read without changing.
rules.add_perm("planning.view", is_staff_of | is_nso_for | is_admin)
# The eTwinning team (the head included) and the teacher leaders co-edit the plan.
rules.add_perm("planning.edit_plan", is_team_of | is_leader_of | is_admin)
# Any member of staff plans an activity; its co-planners, while on staff, change it.
rules.add_perm("planning.add_activity", is_staff_of | is_admin)
rules.add_perm("planning.edit_activity", (is_staff_of & is_co_planner_of) | is_admin)
