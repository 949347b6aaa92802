"""Reads about student teams, initiatives and suggestions, each in a fixed number of queries.

Staff reads never load a suggestion's author; national staff reads never load a
pupil at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet, Sum
from django.shortcuts import get_object_or_404

from twinschools.accounts.models import STAFF_ROLES, Role, StudentProfile, User
from twinschools.accounts.queries import current_memberships
from twinschools.agency.models import (
    Initiative,
    InitiativeStatus,
    StudentTeam,
    Suggestion,
    SuggestionStatus,
)
from twinschools.mission.periods import Period
from twinschools.network.models import School

LIST_ROWS = 50
WAITING = (InitiativeStatus.PROPOSED, InitiativeStatus.CHANGES)


def initiative(pk: int) -> Initiative:
    return get_object_or_404(
        Initiative.objects.select_related("school__country", "team", "proposed_by"), pk=pk
    )


def suggestion(pk: int) -> Suggestion:
    # Deliberately without the author: staff pages must not be able to show it.
    return get_object_or_404(Suggestion.objects.select_related("school__country"), pk=pk)


def team(pk: int) -> StudentTeam:
    return get_object_or_404(
        StudentTeam.objects.select_related("school__country").prefetch_related("coordinators", "members"),
        pk=pk,
    )


def staff_choices(school: School) -> QuerySet[User]:
    """Teachers and the head of the school, for coordinating a team."""
    staff_ids = current_memberships().filter(school=school, role__in=STAFF_ROLES).values("user_id")
    return User.objects.filter(pk__in=staff_ids, is_active=True).order_by("full_name", "pk")


def pupil_choices(school: School) -> QuerySet[StudentProfile]:
    return (
        StudentProfile.objects.filter(class_group__school=school, user__is_active=True)
        .select_related("user", "class_group")
        .order_by("class_group__name", "user__display_name", "pk")
    )


def _teams_with_people(school: School) -> QuerySet[StudentTeam]:
    members = StudentProfile.objects.select_related("user", "class_group").order_by(
        "user__display_name", "pk"
    )
    return StudentTeam.objects.filter(school=school).prefetch_related(
        Prefetch("coordinators", queryset=User.objects.order_by("full_name", "pk")),
        Prefetch("members", queryset=members),
    )


def _teams_counted(school: School) -> QuerySet[StudentTeam]:
    """Teams with the number of their pupils and no pupil: for national staff."""
    return (
        StudentTeam.objects.filter(school=school)
        .annotate(member_count=Count("members", distinct=True))
        .prefetch_related(Prefetch("coordinators", queryset=User.objects.order_by("full_name", "pk")))
    )


def _initiatives(school: School) -> QuerySet[Initiative]:
    return Initiative.objects.filter(school=school).select_related("team", "proposed_by")


@dataclass
class StaffPage:
    teams: list[StudentTeam]
    waiting: list[Initiative] = field(default_factory=list)
    approved: list[Initiative] = field(default_factory=list)
    held: list[Initiative] = field(default_factory=list)
    declined: list[Initiative] = field(default_factory=list)
    suggestions_waiting: list[Suggestion] = field(default_factory=list)
    suggestions_done: list[Suggestion] = field(default_factory=list)
    shows_pupils: bool = True


def staff_page(school: School, *, shows_pupils: bool) -> StaffPage:
    """The school's student agency as staff see it.

    Without `shows_pupils` (national staff) only teams with their sizes and the
    initiatives held are read, and no pupil is loaded.
    """
    held_query = Initiative.objects.filter(school=school, status=InitiativeStatus.HELD).select_related("team")
    if not shows_pupils:
        return StaffPage(
            teams=list(_teams_counted(school)),
            held=list(held_query.order_by("-held_on", "-pk")[:LIST_ROWS]),
            shows_pupils=False,
        )
    initiatives = _initiatives(school)
    suggestions = Suggestion.objects.filter(school=school)
    return StaffPage(
        teams=list(_teams_with_people(school)),
        waiting=list(initiatives.filter(status__in=WAITING).order_by("planned_on", "pk")[:LIST_ROWS]),
        approved=list(
            initiatives.filter(status=InitiativeStatus.APPROVED).order_by("planned_on", "pk")[:LIST_ROWS]
        ),
        held=list(initiatives.filter(status=InitiativeStatus.HELD).order_by("-held_on", "-pk")[:LIST_ROWS]),
        declined=list(
            initiatives.filter(status=InitiativeStatus.DECLINED).order_by("-moderated_at", "-pk")[:LIST_ROWS]
        ),
        suggestions_waiting=list(
            suggestions.filter(status=SuggestionStatus.SUBMITTED).order_by("created_at", "pk")[:LIST_ROWS]
        ),
        suggestions_done=list(
            suggestions.exclude(status=SuggestionStatus.SUBMITTED).order_by("-created_at", "-pk")[:LIST_ROWS]
        ),
    )


def student_profile(user: User) -> StudentProfile:
    return get_object_or_404(StudentProfile.objects.select_related("user", "class_group__school"), user=user)


def teams_of_pupil(profile: StudentProfile) -> QuerySet[StudentTeam]:
    return StudentTeam.objects.filter(members=profile).order_by("name", "pk")


@dataclass
class StudentHome:
    profile: StudentProfile
    teams: list[StudentTeam]
    initiatives: list[Initiative]
    my_suggestions: list[Suggestion]
    published: list[Suggestion]

    @property
    def school(self) -> School:
        return self.profile.class_group.school


def student_home(user: User) -> StudentHome:
    """What a pupil sees: their teams, their initiatives, the suggestion box."""
    profile = student_profile(user)
    school = profile.class_group.school
    teammates = StudentProfile.objects.select_related("user").order_by("user__display_name", "pk")
    teams = (
        teams_of_pupil(profile)
        .filter(school=school)
        .prefetch_related(
            Prefetch("coordinators", queryset=User.objects.order_by("full_name", "pk")),
            Prefetch("members", queryset=teammates),
        )
    )
    return StudentHome(
        profile=profile,
        teams=list(teams),
        initiatives=list(
            Initiative.objects.filter(proposed_by=user, school=school).select_related("team")[:LIST_ROWS]
        ),
        my_suggestions=list(Suggestion.objects.filter(author=user, school=school)[:LIST_ROWS]),
        published=list(
            Suggestion.objects.filter(school=school, status=SuggestionStatus.PUBLISHED)[:LIST_ROWS]
        ),
    )


@dataclass
class ParentHome:
    children: list[StudentProfile]
    my_suggestions: list[Suggestion]


def parent_home(user: User) -> ParentHome:
    """Each child of this parent with what the child proposed and posted."""
    children = (
        StudentProfile.objects.filter(guardians=user)
        .select_related("user", "class_group__school")
        .prefetch_related(
            Prefetch(
                "user__initiatives",
                queryset=Initiative.objects.select_related("team").order_by("-created_at", "-pk"),
                to_attr="child_initiatives",
            ),
            Prefetch(
                "user__suggestions",
                queryset=Suggestion.objects.order_by("-created_at", "-pk"),
                to_attr="child_suggestions",
            ),
        )
        .order_by("user__display_name", "pk")
    )
    return ParentHome(
        children=list(children),
        my_suggestions=list(Suggestion.objects.filter(author=user).select_related("school")[:LIST_ROWS]),
    )


def schools_for_suggestions(user: User) -> list[School]:
    """The schools where this person may post to the suggestion box (pupil or parent)."""
    school_ids = (
        current_memberships().filter(user=user, role__in=(Role.STUDENT, Role.PARENT)).values("school_id")
    )
    return list(School.objects.filter(pk__in=school_ids).order_by("name", "pk"))


@dataclass(frozen=True)
class Figures:
    held: int
    teachers_reached: int
    parents_reached: int
    others_reached: int
    ambassadors: int
    suggestions_answered: int
    latest_held: list[Initiative]
    latest_answered: list[Suggestion]

    @property
    def reached(self) -> int:
        return self.teachers_reached + self.parents_reached + self.others_reached


def figures(school: School, *, period: Period) -> Figures:
    """Commitment 3 in numbers, for the mission overview: what happened within the period
    (initiatives held and answers given up to its end, never after today)."""
    start, end = period.window()
    held = Initiative.objects.filter(
        school=school,
        status=InitiativeStatus.HELD,
        held_on__gte=period.since,
        held_on__lte=period.last_day_done(),
    )
    totals = held.aggregate(
        count=Count("pk"),
        teachers=Sum("teachers_reached"),
        parents=Sum("parents_reached"),
        others=Sum("others_reached"),
    )
    answered = Suggestion.objects.filter(
        school=school, responded_at__gte=start, responded_at__lt=end
    ).exclude(response="")
    ambassadors = StudentProfile.objects.filter(
        student_teams__school=school, student_teams__created_at__lt=end
    ).aggregate(n=Count("pk", distinct=True))["n"]
    return Figures(
        held=totals["count"] or 0,
        teachers_reached=totals["teachers"] or 0,
        parents_reached=totals["parents"] or 0,
        others_reached=totals["others"] or 0,
        ambassadors=ambassadors or 0,
        suggestions_answered=answered.count(),
        latest_held=list(held.order_by("-held_on", "-pk")[:3]),
        latest_answered=list(answered.order_by("-responded_at", "-pk")[:3]),
    )
