"""Who may read, write and respond to practices.

Practices carry `school_id`, so the role predicates of accounts.rules apply to
them directly; attachments do not, and are checked through their practice.
"""

from __future__ import annotations

from typing import Any

import rules

from twinschools.accounts.models import STAFF_ROLES
from twinschools.accounts.rules import is_admin, is_leader_of, is_nso_for, is_staff_of
from twinschools.core.authz import roles_of
from twinschools.practices.models import Visibility


@rules.predicate
def is_public(user: Any, practice: Any) -> bool:
    return practice is not None and practice.visibility == Visibility.PUBLIC


@rules.predicate
def is_shared_with_network(user: Any, practice: Any) -> bool:
    return practice is not None and practice.visibility in (Visibility.NETWORK, Visibility.PUBLIC)


@rules.predicate
def is_author_of(user: Any, practice: Any) -> bool:
    return practice is not None and practice.author_id is not None and practice.author_id == user.pk


@rules.predicate
def is_staff_somewhere(user: Any) -> bool:
    """Teaches at or heads a school: the people who comment on, try and adapt practices."""
    return bool(roles_of(user).schools_with(*STAFF_ROLES))


# The school's own practices are read as its workspace is (staff, NSO staff of the country, admins).
can_view = is_public | (rules.is_authenticated & is_shared_with_network) | is_staff_of | is_nso_for | is_admin


@rules.predicate
def can_view_attachment(user: Any, attachment: Any) -> bool:
    return attachment is not None and can_view(user, attachment.practice)


rules.add_perm("practices.view_practice", can_view)
rules.add_perm("practices.share", is_staff_of | is_admin)  # object: the school
# An author who left the school no longer edits its practices; its leaders still do.
rules.add_perm("practices.change_practice", (is_author_of & is_staff_of) | is_leader_of | is_admin)
rules.add_perm("practices.delete_practice", (is_author_of & is_staff_of) | is_leader_of | is_admin)
rules.add_perm("practices.respond", can_view & is_staff_somewhere)
rules.add_perm("practices.adapt", can_view & is_staff_somewhere)
rules.add_perm("practices.download", can_view_attachment)
