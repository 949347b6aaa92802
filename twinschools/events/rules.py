"""Who may organise a school's outreach events.

Staff of the school organise them; NSO staff of the country read the lists
through `workspace.view`. Registrants need no account: they reach their own
registration by the token in their e-mail.
"""

from __future__ import annotations

import rules

from twinschools.accounts.rules import is_admin, is_staff_of

rules.add_perm("events.organise", is_staff_of | is_admin)
