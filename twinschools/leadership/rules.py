"""Who may do what in the team and the decision-making of a school.

Objects are schools or carry a `school_id` (team seats, responsibilities,
proposals). The workspace.* permissions of accounts/rules.py cover viewing,
taking part (`workspace.decide`) and leading (`workspace.lead`).
"""

from __future__ import annotations

from typing import Any

import rules

from twinschools.accounts.rules import is_admin, is_head_of, is_leader_of, is_team_of


@rules.predicate
def is_proposer(user: Any, proposal: Any) -> bool:
    return proposal is not None and getattr(proposal, "proposer_id", None) == user.pk


# Only the head hands over (or takes back) running the workspace: a delegated
# leader manages everything else like the head, but cannot delegate further.
rules.add_perm("leadership.delegate", is_head_of | is_admin)
# Closing early, withdrawing and recording the outcome: the proposer while on the team, or a leader.
rules.add_perm("leadership.manage_proposal", (is_proposer & is_team_of) | is_leader_of | is_admin)
