from __future__ import annotations

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend


class AccountBackend(AuthenticationBackend):
    """Signs people in by e-mail (allauth) or by the pupil flow, and grants no model permissions.

    Permissions in TwinSchools are roles held as data (memberships, country roles)
    and checked by django-rules predicates. Django's per-model permission tables are
    not used, so this backend answers "no" without querying them on every page.
    Superusers keep every permission through PermissionsMixin itself.
    """

    def _get_permissions(self, user_obj: Any, obj: Any, from_name: str) -> set[str]:
        return set()
