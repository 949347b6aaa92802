"""Standing personas, in the spirit of healthchecks' Alice, Bob and Charlie.

School A and school B are both in country X (Romania); country Y is Spain.
The people of school B and the national staff of country Y must never see
school A's private data. Teacher A teaches at school A; team A is a teacher
of school A who also sits on its eTwinning team.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.conf import settings
from django.utils import translation

from tests import factories
from twinschools.accounts.models import ClassGroup, Invitation, Role, StudentProfile, User
from twinschools.leadership.models import TeamMember
from twinschools.network.models import School

ROLES = (
    "anonymous",
    "student_a",
    "parent_a",
    "teacher_a",
    "team_a",
    "head_a",
    "teacher_b",
    "nso_x",
    "evaluator_x",
    "nso_y",
    "evaluator_y",
    "admin",
)


@dataclass
class World:
    school_a: School
    school_b: School
    people: dict[str, User]
    class_a: ClassGroup
    pupil_a: StudentProfile
    invitation_a: Invitation

    def user(self, role: str) -> User | None:
        return self.people.get(role)


def build_world() -> World:
    romania, spain = factories.country("RO"), factories.country("ES")
    school_a = factories.SchoolFactory(name="Școala Gimnazială „Avram Iancu”", town="Turda", country=romania)
    school_b = factories.SchoolFactory(name="Liceul Teoretic Bistrița", town="Bistrița", country=romania)
    people: dict[str, User] = {}
    for role, school, membership_role in (
        ("teacher_a", school_a, Role.TEACHER),
        ("team_a", school_a, Role.TEACHER),
        ("head_a", school_a, Role.HEAD),
        ("teacher_b", school_b, Role.TEACHER),
        ("parent_a", school_a, Role.PARENT),
    ):
        people[role] = factories.UserFactory(
            email=f"{role}@example.org", full_name=role.replace("_", " ").title()
        )
        factories.MembershipFactory(user=people[role], school=school, role=membership_role)
    for role, country, kind in (
        ("nso_x", romania, "nso"),
        ("evaluator_x", romania, "evaluator"),
        ("nso_y", spain, "nso"),
        ("evaluator_y", spain, "evaluator"),
    ):
        people[role] = factories.UserFactory(email=f"{role}@example.org")
        factories.CountryRoleFactory(user=people[role], country=country, role=kind)
    # Team A sits on school A's eTwinning team; teacher A teaches there but does not.
    TeamMember.objects.create(school=school_a, user=people["team_a"], added_by=people["head_a"])
    people["admin"] = factories.UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)
    class_a = factories.ClassGroupFactory(school=school_a, name="7B", code="SEVENB")
    pupil_a = factories.StudentFactory(class_group=class_a, user__display_name="Zorella")
    pupil_a.guardians.add(people["parent_a"])
    people["student_a"] = pupil_a.user
    invitation_a = factories.InvitationFactory(school=school_a, invited_by=people["head_a"])
    return World(school_a, school_b, people, class_a, pupil_a, invitation_a)


@pytest.fixture
def world(db: None) -> World:
    return build_world()


@pytest.fixture(autouse=True)
def _in_english() -> Iterator[None]:
    """Each test starts in English: a request leaves its language active in the thread
    (LocaleMiddleware activates it and nothing deactivates it), which would leak into the
    next test of the same worker."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Sign-in throttling counts attempts in the cache: each test starts with none."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _private_media(settings: Any, tmp_path: Any) -> None:
    """Uploaded files (an NSO's logo, evidence...) go to a folder of the test, never to var/."""
    settings.MEDIA_ROOT = tmp_path / "private"
    settings.JOBS_PROGRESS_DIR = tmp_path / "jobs"
