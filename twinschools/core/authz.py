"""Who holds which role where: loaded once per request and shared by all rules.

Every predicate in the apps' rules.py asks this module, so a request costs at
most two queries for authorization however many checks a page makes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef
from django.utils import timezone


@dataclass(frozen=True)
class Roles:
    school_roles: dict[int, frozenset[str]] = field(default_factory=dict)
    nso_countries: frozenset[int] = frozenset()
    evaluator_countries: frozenset[int] = frozenset()
    is_admin: bool = False

    def at(self, school_id: int) -> frozenset[str]:
        return self.school_roles.get(school_id, frozenset())

    def schools_with(self, *roles: str) -> list[int]:
        return [school_id for school_id, held in self.school_roles.items() if held & set(roles)]


# Pseudo-roles next to the membership roles: a member of staff who sits on the
# school's eTwinning team, and one to whom the head delegated the workspace.
TEAM = "team"
LEADER = "leader"

ANONYMOUS = Roles()
_CACHE_ATTRIBUTE = "_twinschools_roles"


def roles_of(user: Any) -> Roles:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is None:
        cached = _load_roles(user)
        setattr(user, _CACHE_ATTRIBUTE, cached)
    return cached


def forget_roles(user: Any) -> None:
    """Call after changing someone's roles within the same request."""
    if hasattr(user, _CACHE_ATTRIBUTE):
        delattr(user, _CACHE_ATTRIBUTE)


def _load_roles(user: Any) -> Roles:
    from twinschools.accounts.models import STAFF_ROLES, CountryRole, CountryRoleKind, Membership
    from twinschools.leadership.models import TeamMember

    today = timezone.localdate()
    school_roles: dict[int, set[str]] = {}
    seat = TeamMember.objects.filter(school_id=OuterRef("school_id"), user=user)
    current = (
        Membership.objects.filter(user=user, started_on__lte=today)
        .exclude(ended_on__lt=today)
        .annotate(on_team=Exists(seat), leads=Exists(seat.filter(leads_workspace=True)))
    )
    for school_id, role, on_team, leads in current.values_list("school_id", "role", "on_team", "leads"):
        held = school_roles.setdefault(school_id, set())
        held.add(role)
        # A seat on the team only counts while the person is on the school's staff.
        if role in STAFF_ROLES and on_team:
            held.add(TEAM)
        if role in STAFF_ROLES and leads:
            held.add(LEADER)
    nso: set[int] = set()
    evaluator: set[int] = set()
    for country_id, role in CountryRole.objects.filter(user=user, deactivated_at__isnull=True).values_list(
        "country_id", "role"
    ):
        (nso if role == CountryRoleKind.NSO_STAFF else evaluator).add(country_id)
    return Roles(
        school_roles={school_id: frozenset(held) for school_id, held in school_roles.items()},
        nso_countries=frozenset(nso),
        evaluator_countries=frozenset(evaluator),
        is_admin=bool(user.is_superuser),
    )
