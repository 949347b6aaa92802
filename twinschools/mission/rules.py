"""Who may do what with the school's inclusion measures.

Reading follows `workspace.view` (staff, NSO staff of the country read-only,
admins). Staff record measures; the person who recorded one, the school's
leaders and admins change it.
"""

from __future__ import annotations

from typing import Any

import rules

from twinschools.accounts.rules import is_admin, is_leader_of, is_staff_of


@rules.predicate
def recorded_it(user: Any, measure: Any) -> bool:
    return measure is not None and user.pk is not None and measure.recorded_by_id == user.pk


# Objects: the school.
rules.add_perm("mission.record_inclusion", is_staff_of | is_admin)
# Objects: an InclusionMeasure (it carries school_id).
rules.add_perm("mission.change_inclusion", (recorded_it & is_staff_of) | is_leader_of | is_admin)
