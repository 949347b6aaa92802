"""Who may see and do what in the national evaluation.

The NSO of the school's country (and platform admins) run the evaluation; an
evaluator sees only the assignments given to them in their own countries; the
school's staff read the decision and feedback. Evaluator pages hold private
notes, so admins do not pass them as superusers: the views test the predicate.
"""

from __future__ import annotations

from typing import Any

import rules

from twinschools.accounts.rules import is_admin, is_nso_for, is_nso_staff, is_staff_of
from twinschools.applications.rules import register_reviewer
from twinschools.core.authz import roles_of


def _application(obj: Any) -> Any:
    return getattr(obj, "application", obj) if obj is not None else None


@rules.predicate
def is_evaluator(user: Any) -> bool:
    return bool(roles_of(user).evaluator_countries)


@rules.predicate
def is_nso_of_application(user: Any, obj: Any) -> bool:
    application = _application(obj)
    return application is not None and is_nso_for(user, application.school)


@rules.predicate
def is_staff_of_applicant(user: Any, obj: Any) -> bool:
    application = _application(obj)
    return application is not None and is_staff_of(user, application.school)


@rules.predicate
def is_assigned_evaluator(user: Any, assignment: Any) -> bool:
    if assignment is None or assignment.evaluator_id != user.pk:
        return False
    country_id = assignment.evaluation.application.school.country_id
    return country_id in roles_of(user).evaluator_countries


@rules.predicate
def is_nso_of_country(user: Any, country: Any) -> bool:
    return country is not None and getattr(country, "pk", None) in roles_of(user).nso_countries


# The NSO's list of applications and its batch decisions (a capability).
rules.add_perm("evaluation.manage", is_nso_staff | is_admin)
# One application's evaluation: assignment, moderation, decision (object: the application).
rules.add_perm("evaluation.manage_application", is_nso_of_application | is_admin)
# A round's settings for one country (object: the country).
rules.add_perm("evaluation.settings", is_nso_of_country | is_admin)
# A country's evaluators: appoint, invite, deactivate (object: the country, or a CountryRole).
rules.add_perm("evaluation.manage_evaluators", is_nso_of_country | is_admin)
rules.add_perm("evaluation.manage_evaluator", is_nso_for | is_admin)
# The evaluator's own assignments (a capability) and one assignment (object).
rules.add_perm("evaluation.assignments", is_evaluator | is_admin)
rules.add_perm("evaluation.review", is_assigned_evaluator)
# The school's decision and feedback page, and its certificate (object: the application).
rules.add_perm("evaluation.view_result", is_staff_of_applicant | is_nso_of_application | is_admin)

# Superusers pass every has_perm; an evaluator's own pages (private notes) are checked with
# requires(..., superusers=False), which asks the rule itself.


def evaluates(user: Any, application: Any) -> bool:
    """An evaluator assigned to the application (and not declined) reads its evidence files."""
    if not getattr(user, "is_authenticated", False):
        return False
    if application.school.country_id not in roles_of(user).evaluator_countries:
        return False
    from twinschools.evaluation.models import Assignment

    return Assignment.objects.filter(
        evaluation__application=application, evaluator=user, declined_at__isnull=True
    ).exists()


register_reviewer(evaluates)
