"""Who may do what with label rounds.

Platform admins configure rounds; NSO staff of a school's country handle its
disputes; the school's staff see its results and ask for reviews. Evaluators
have no access here. Objects are schools or carry a school (a ReviewRequest).
"""

from __future__ import annotations

from typing import Any

import rules

from twinschools.accounts.rules import is_admin, is_nso_for, is_staff_of
from twinschools.core.authz import roles_of


@rules.predicate
def is_nso_of_country(user: Any, country: Any) -> bool:
    return getattr(country, "pk", None) in roles_of(user).nso_countries


rules.add_perm("labels.manage_rounds", is_admin)
rules.add_perm("labels.view_school", is_staff_of | is_nso_for | is_admin)
rules.add_perm("labels.ask_review", is_staff_of)
rules.add_perm("labels.handle_reviews", is_nso_for | is_admin)
rules.add_perm("labels.view_country", is_nso_of_country | is_admin)
