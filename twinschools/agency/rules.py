"""Who may do what with student teams, initiatives and suggestions.

Any pupil of a school may propose an initiative, not only the ambassadors: the
commitment is that students act as agents of change, and a pupil who is not
(yet) on a team is exactly who we want to reach. An initiative may name one of
the pupil's teams. Teachers of the school moderate; NSO staff only read, through
`workspace.view`, and the pages they see carry no pupil's name.
"""

from __future__ import annotations

from typing import Any

import rules

from twinschools.accounts.models import Role
from twinschools.accounts.rules import is_admin, is_parent_of, is_staff_of, is_student_of
from twinschools.agency.models import InitiativeStatus
from twinschools.core.authz import roles_of


@rules.predicate
def is_pupil_somewhere(user: Any) -> bool:
    return bool(roles_of(user).schools_with(Role.STUDENT))


@rules.predicate
def is_parent_somewhere(user: Any) -> bool:
    return bool(roles_of(user).schools_with(Role.PARENT))


@rules.predicate
def proposed_it(user: Any, initiative: Any) -> bool:
    return initiative is not None and initiative.proposed_by_id == user.pk


@rules.predicate
def is_open_for_edits(user: Any, initiative: Any) -> bool:
    return initiative is not None and initiative.status in {
        InitiativeStatus.PROPOSED,
        InitiativeStatus.CHANGES,
    }


@rules.predicate
def was_approved(user: Any, initiative: Any) -> bool:
    return initiative is not None and initiative.status in {InitiativeStatus.APPROVED, InitiativeStatus.HELD}


teacher = is_staff_of | is_admin

rules.add_perm("agency.manage_teams", teacher)
rules.add_perm("agency.moderate", teacher)
rules.add_perm("agency.student_page", is_pupil_somewhere)
rules.add_perm("agency.parent_page", is_parent_somewhere)
rules.add_perm("agency.propose", is_pupil_somewhere)
rules.add_perm("agency.edit_initiative", is_student_of & proposed_it & is_open_for_edits)
rules.add_perm("agency.record_held", was_approved & (teacher | (is_student_of & proposed_it)))
rules.add_perm("agency.suggest", is_student_of | is_parent_of)
