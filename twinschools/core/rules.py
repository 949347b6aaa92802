"""Who may follow a background job: the person who started it, and platform admins."""

from __future__ import annotations

from typing import Any

import rules

from twinschools.core.authz import roles_of


@rules.predicate
def is_job_owner(user: Any, job: Any) -> bool:
    return bool(job is not None and user.is_authenticated and job.owner_id == user.pk)


@rules.predicate
def is_platform_admin(user: Any) -> bool:
    return roles_of(user).is_admin


rules.add_perm("core.view_job", is_job_owner | is_platform_admin)
