"""Who may see the country's coverage: NSO staff (their own countries) and platform admins."""

from __future__ import annotations

import rules

from twinschools.accounts.rules import is_admin, is_nso_staff

rules.add_perm("reach.view_country", is_nso_staff | is_admin)
