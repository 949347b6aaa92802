"""Who may do what in mentoring. Pairs join two schools, so their predicates ask about both."""

from __future__ import annotations

from typing import Any

import rules

from twinschools.accounts.rules import is_admin, is_nso_for, is_nso_staff, is_staff_of


@rules.predicate
def is_staff_of_pair(user: Any, pairing: Any) -> bool:
    return pairing is not None and (is_staff_of(user, pairing.mentor) or is_staff_of(user, pairing.mentee))


@rules.predicate
def is_nso_for_pair(user: Any, pairing: Any) -> bool:
    # matching runs per country, so the mentor's country is the pair's
    return pairing is not None and is_nso_for(user, pairing.mentor)


rules.add_perm("mentoring.run", is_nso_staff)
rules.add_perm("mentoring.view_pair", is_staff_of_pair | is_nso_for_pair | is_admin)
rules.add_perm("mentoring.decide_pair", is_staff_of_pair | is_nso_for_pair)
rules.add_perm("mentoring.work_pair", is_staff_of_pair)
