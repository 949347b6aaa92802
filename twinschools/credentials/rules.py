"""Who may do what with credentials. Reading and verifying them is public."""

from __future__ import annotations

import rules

from twinschools.accounts.rules import is_admin, is_nso_staff

rules.add_perm("credentials.view_issued", is_nso_staff | is_admin)
