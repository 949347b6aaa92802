"""Who may do what with credentials. Reading and verifying them is public."""

from __future__ import annotations

from typing import Any

import rules

from twinschools.accounts.rules import is_admin, is_nso_staff
from twinschools.core.authz import roles_of


@rules.predicate
def is_nso_of_credential(user: Any, credential: Any) -> bool:
    """NSO staff of the country that issued it (the credential's country, not the school's now)."""
    return credential is not None and credential.country_id in roles_of(user).nso_countries


rules.add_perm("credentials.view_issued", is_nso_staff | is_admin)
rules.add_perm("credentials.revoke", is_nso_of_credential | is_admin)
