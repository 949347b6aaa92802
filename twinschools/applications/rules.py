"""Who may read, write and sign a label application.

Staff (head and teachers with a current membership) of a school that is eligible
for the round write; the NSO of the school's country and platform admins read;
nobody else learns the application exists (404). Only the head, or the deputy the
head designated for this application, signs. Objects are applications, or parts,
evidence and comments, which are checked through their application.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import rules

from twinschools.accounts.rules import is_admin, is_head_of, is_nso_for, is_nso_staff, is_staff_of


def application_of(obj: Any) -> Any:
    return getattr(obj, "application", obj) if obj is not None else None


@rules.predicate
def is_eligible(user: Any, obj: Any) -> bool:
    """The school is eligible for the application's round (queries annotate `school_eligible`)."""
    if obj is None:
        return False
    flag = getattr(obj, "school_eligible", None)
    if flag is None:
        flag = getattr(application_of(obj), "school_eligible", None)
    if flag is None:
        from twinschools.labels.models import Eligibility

        application = application_of(obj)
        flag = Eligibility.objects.filter(
            round_id=application.round_id, school_id=application.school_id, eligible=True
        ).exists()
    return bool(flag)


@rules.predicate
def is_staff_of_school(user: Any, obj: Any) -> bool:
    return is_staff_of(user, application_of(obj))


@rules.predicate
def is_head_of_school(user: Any, obj: Any) -> bool:
    return is_head_of(user, application_of(obj))


@rules.predicate
def is_nso_of_school(user: Any, obj: Any) -> bool:
    application = application_of(obj)
    return application is not None and is_nso_for(user, application.school)


@rules.predicate
def is_designated_deputy(user: Any, obj: Any) -> bool:
    application = application_of(obj)
    signatory = getattr(application, "signatory", None) if application is not None else None
    return signatory is not None and signatory.deputy_id == user.pk


# Apps that review applications (evaluation) add here who else may read one, e.g. the
# evaluators assigned to it, so this app never imports them.
REVIEWERS: list[Callable[[Any, Any], bool]] = []


def register_reviewer(check: Callable[[Any, Any], bool]) -> None:
    if check not in REVIEWERS:
        REVIEWERS.append(check)


@rules.predicate
def is_reviewer(user: Any, obj: Any) -> bool:
    application = application_of(obj)
    return application is not None and any(check(user, application) for check in REVIEWERS)


writes = is_staff_of_school & is_eligible
reads = writes | is_nso_of_school | is_admin

# The school's entry page (object: the school): what it may apply for, and its applications.
rules.add_perm("applications.view_school", is_staff_of | is_nso_for | is_admin)
rules.add_perm("applications.start", is_staff_of)
rules.add_perm("applications.view", reads)
rules.add_perm("applications.write", writes)
designates = is_head_of_school & is_eligible
signs = is_eligible & (is_head_of_school | (is_designated_deputy & is_staff_of_school))
rules.add_perm("applications.designate", designates)
rules.add_perm("applications.sign", signs)
rules.add_perm("applications.download", reads | is_reviewer)
# The NSO's list of its countries' applications (a capability).
rules.add_perm("applications.review", is_nso_staff | is_admin)

# Platform admins pass every has_perm as superusers; they read applications but never
# write or sign one, so the views check these with requires(..., superusers=False) and
# rules.has_perm, which ask the rule itself.
