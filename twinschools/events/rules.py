"""Who may organise a school's outreach events.

Staff of the school organise them; NSO staff of the country read the lists
through `workspace.view`. Registrants need no account: they reach their own
registration by the token in their e-mail.
"""

from __future__ import annotations

import rules

from twinschools.accounts.rules import is_admin, is_staff_of

rules.add_perm("events.organise", is_staff_of | is_admin)
# A registrant's name, e-mail address and check-in are for the event's organisers only: staff
# of the organising school. NSO staff read the workspace without them (counts instead), and the
# views that show them ask with superusers=False, so platform admins do not read them either.
rules.add_perm("events.see_registrants", is_staff_of)
