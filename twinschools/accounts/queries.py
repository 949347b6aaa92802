"""Reads about people. Each function is scoped: it returns only what the caller
may see, or answers 404, so views never query people directly."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from twinschools.accounts.models import (
    STAFF_ROLES,
    ClassGroup,
    CountryRole,
    Invitation,
    Membership,
    Role,
    StudentProfile,
    User,
)
from twinschools.network.models import Activity, ProjectTeacher, QualityLabel, School

DASHBOARD_ROWS = 6  # the home page shows the latest; the work comes first


def current_memberships() -> QuerySet[Membership]:
    today = timezone.localdate()
    return Membership.objects.filter(started_on__lte=today).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=today)
    )


def staff_of(school: School) -> QuerySet[Membership]:
    return (
        current_memberships()
        .filter(school=school, role__in=STAFF_ROLES)
        .select_related("user")
        .order_by("role", "user__full_name", "user_id")
    )


@dataclass(frozen=True)
class StaffPerson:
    """One person of a school's staff with every staff role they hold there (a head who also teaches)."""

    user: User
    memberships: tuple[Membership, ...]

    @property
    def is_head(self) -> bool:
        return any(m.role == Role.HEAD for m in self.memberships)


def staff_people(school: School) -> list[StaffPerson]:
    """The staff as people, each once, heads first, then by name (one query)."""
    grouped: dict[int, list[Membership]] = {}
    for membership in staff_of(school):
        grouped.setdefault(membership.user_id, []).append(membership)
    people = [StaffPerson(found[0].user, tuple(found)) for found in grouped.values()]
    return sorted(people, key=lambda p: (not p.is_head, p.user.full_name or "", p.user.pk))


def classes_of(school: School) -> QuerySet[ClassGroup]:
    return ClassGroup.objects.filter(school=school).annotate(student_count=Count("students"))


def class_group(pk: int) -> ClassGroup:
    return get_object_or_404(ClassGroup.objects.select_related("school"), pk=pk)


def student(pk: int) -> StudentProfile:
    return get_object_or_404(StudentProfile.objects.select_related("user", "class_group__school"), pk=pk)


def students_of(class_group: ClassGroup) -> QuerySet[StudentProfile]:
    return (
        StudentProfile.objects.filter(class_group=class_group)
        .select_related("user")
        .order_by("user__display_name", "pk")
    )


def school(pk: int) -> School:
    return get_object_or_404(School.objects.select_related("country"), pk=pk)


def invitations_of(school: School) -> QuerySet[Invitation]:
    return Invitation.objects.filter(school=school).select_related("invited_by", "accepted_by")


def invitation(pk: int) -> Invitation:
    return get_object_or_404(Invitation.objects.select_related("school"), pk=pk)


def invitation_by_token(token: str) -> Invitation:
    return get_object_or_404(
        Invitation.objects.select_related("school__country", "country", "invited_by"), token=token
    )


def has_account(email: str) -> bool:
    return User.objects.filter(email__iexact=email).exists()


def person(pk: int) -> User:
    """A person with their current memberships, for the head's data actions."""
    return get_object_or_404(
        User.objects.prefetch_related(
            Prefetch(
                "memberships",
                queryset=current_memberships().select_related("school"),
                to_attr="current_memberships",
            )
        ),
        pk=pk,
    )


@dataclass
class Dashboard:
    memberships: list[Membership]
    projects: list[ProjectTeacher]
    project_count: int
    quality_labels: list[QualityLabel]
    activities: list[Activity]
    activity_count: int
    country_roles: list[CountryRole]
    children: list[StudentProfile] = field(default_factory=list)

    @property
    def is_teacher(self) -> bool:
        return any(m.role in STAFF_ROLES for m in self.memberships)

    @property
    def student_memberships(self) -> list[Membership]:
        return [m for m in self.memberships if m.role == Role.STUDENT]


def dashboard(user: User) -> Dashboard:
    """What the signed-in person sees on their dashboard, in a fixed number of queries."""
    memberships = list(
        current_memberships()
        .filter(user=user)
        .select_related("school__country")
        .order_by("school__name", "role")
    )
    projects = ProjectTeacher.objects.filter(teacher=user)
    activities = Activity.objects.filter(teacher=user)
    return Dashboard(
        memberships=memberships,
        projects=list(
            projects.select_related("project", "school").order_by("-project__started_on", "pk")[
                :DASHBOARD_ROWS
            ]
        ),
        project_count=projects.count(),
        quality_labels=list(
            QualityLabel.objects.filter(teacher=user)
            .select_related("project", "school")
            .order_by("-granted_on", "pk")[:DASHBOARD_ROWS]
        ),
        activities=list(
            activities.select_related("school", "project").order_by("-occurred_on", "-pk")[:DASHBOARD_ROWS]
        ),
        activity_count=activities.count(),
        country_roles=list(
            CountryRole.objects.filter(user=user, deactivated_at__isnull=True).select_related("country")
        ),
        children=list(
            StudentProfile.objects.filter(guardians=user).select_related("user", "class_group__school")
        ),
    )
