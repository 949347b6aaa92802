"""Permission predicates about people and their roles.

Objects passed in are schools, objects that name the school whose data they are
with `owning_school` / `owning_school_id` (a registration belongs to the event's
school, not to the registrant's), or objects with a `school` foreign key. The
school is never guessed from an object's own pk. The roles come from
core.authz.roles_of, loaded once per request.
"""

from __future__ import annotations

from typing import Any

import rules

from twinschools.accounts.models import Role
from twinschools.core.authz import LEADER, TEAM, roles_of
from twinschools.network.models import School


def _school_id(obj: Any) -> int | None:
    if obj is None:
        return None
    if isinstance(obj, School):
        return obj.pk
    if hasattr(obj, "owning_school_id"):
        return obj.owning_school_id
    return getattr(obj, "school_id", None)


def _country_id(obj: Any) -> int | None:
    # A school, or a country-scoped object with its own country_id, answers for itself.
    holder = obj.owning_school if hasattr(obj, "owning_school") else getattr(obj, "school", obj)
    return getattr(holder, "country_id", None)


@rules.predicate
def is_admin(user: Any) -> bool:
    return roles_of(user).is_admin


@rules.predicate
def is_head_of(user: Any, obj: Any) -> bool:
    school_id = _school_id(obj)
    return school_id is not None and Role.HEAD in roles_of(user).at(school_id)


@rules.predicate
def is_staff_of(user: Any, obj: Any) -> bool:
    school_id = _school_id(obj)
    return school_id is not None and bool(roles_of(user).at(school_id) & {Role.HEAD, Role.TEACHER})


@rules.predicate
def is_team_of(user: Any, obj: Any) -> bool:
    """On the school's eTwinning team; the head always is."""
    school_id = _school_id(obj)
    return school_id is not None and bool(roles_of(user).at(school_id) & {Role.HEAD, TEAM})


@rules.predicate
def is_leader_of(user: Any, obj: Any) -> bool:
    """Runs the school's workspace: the head, or a teacher leader the head delegated to."""
    school_id = _school_id(obj)
    return school_id is not None and bool(roles_of(user).at(school_id) & {Role.HEAD, LEADER})


@rules.predicate
def is_student_of(user: Any, obj: Any) -> bool:
    school_id = _school_id(obj)
    return school_id is not None and Role.STUDENT in roles_of(user).at(school_id)


@rules.predicate
def is_parent_of(user: Any, obj: Any) -> bool:
    school_id = _school_id(obj)
    return school_id is not None and Role.PARENT in roles_of(user).at(school_id)


@rules.predicate
def is_nso_for(user: Any, obj: Any) -> bool:
    return _country_id(obj) in roles_of(user).nso_countries


@rules.predicate
def is_nso_staff(user: Any) -> bool:
    return bool(roles_of(user).nso_countries)


@rules.predicate
def is_head_of_any_school_of(user: Any, person: Any) -> bool:
    """The signed-in person heads a school where `person` has a current role."""
    if person is None:
        return False
    heads_at = set(roles_of(user).schools_with(Role.HEAD))
    return bool(heads_at) and any(
        membership.school_id in heads_at for membership in person.current_memberships
    )


@rules.predicate
def is_guardian_of(user: Any, student: Any) -> bool:
    """A parent linked to this pupil (StudentProfile.guardians)."""
    guardians = getattr(student, "guardians", None)
    if guardians is None or not getattr(user, "pk", None):
        return False
    return bool(guardians.filter(pk=user.pk).exists())


rules.add_perm("accounts.manage_staff", is_head_of | is_admin)
rules.add_perm("accounts.manage_invitation", is_head_of | is_admin)
rules.add_perm("accounts.manage_classes", is_staff_of | is_admin)
rules.add_perm("accounts.manage_person_data", is_head_of_any_school_of | is_admin)
# A pupil signs in only once a parent (through their own account) or the head records consent.
rules.add_perm("accounts.record_consent", is_guardian_of | is_head_of | is_admin)
# The staff who keep the school's classes (and so teach them) give a pupil a new PIN.
rules.add_perm("accounts.reset_pin", is_staff_of | is_admin)

# The school's workspace. Objects are schools or carry a `school_id`.
# NSO staff of the school's country read everything staff read, and change nothing.
rules.add_perm("workspace.view", is_staff_of | is_nso_for | is_admin)
rules.add_perm("workspace.contribute", is_staff_of | is_admin)
rules.add_perm("workspace.decide", is_team_of)
rules.add_perm("workspace.lead", is_leader_of | is_admin)
