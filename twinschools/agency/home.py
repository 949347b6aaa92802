"""The pupil's and the parent's home page: their own items only, never another pupil's."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from twinschools.accounts.home import WARNING, Contribution, Fact, Todo
from twinschools.accounts.models import Role, StudentProfile
from twinschools.agency.models import Initiative, InitiativeStatus, Suggestion, SuggestionStatus
from twinschools.core.authz import Roles

WAITING = (InitiativeStatus.PROPOSED, InitiativeStatus.CHANGES)


def _initiatives(**scope: Any) -> Any:
    return Initiative.objects.filter(**scope).aggregate(
        total=Count("pk"),
        changes=Count("pk", filter=Q(status=InitiativeStatus.CHANGES)),
        waiting=Count("pk", filter=Q(status=InitiativeStatus.PROPOSED)),
    )


def _suggestions(**scope: Any) -> Any:
    return Suggestion.objects.filter(**scope).aggregate(
        total=Count("pk"),
        answered=Count("pk", filter=Q(status=SuggestionStatus.PUBLISHED) & ~Q(response="")),
    )


def pupil(user: Any) -> Contribution:
    url = reverse("agency:student_home")
    initiatives, suggestions = _initiatives(proposed_by=user), _suggestions(author=user)
    cards = (
        Todo(
            "agency.changes",
            _("Your initiatives with changes asked"),
            initiatives["changes"],
            url,
            "pencil",
            WARNING,
            10,
        ),
        Todo(
            "agency.initiatives",
            _("Your initiatives"),
            initiatives["total"],
            url,
            "lightbulb",
            order=20,
            always=True,
        ),
        Todo(
            "agency.waiting",
            _("Initiatives waiting for a teacher"),
            initiatives["waiting"],
            url,
            "hourglass-split",
            order=30,
            always=True,
        ),
        Todo(
            "agency.suggestions",
            _("Your suggestions"),
            suggestions["total"],
            url,
            "mailbox",
            order=40,
            always=True,
        ),
        Todo(
            "agency.answered",
            _("Suggestions answered"),
            suggestions["answered"],
            url,
            "chat-left-quote",
            order=50,
            always=True,
        ),
    )
    return Contribution("pupil", title=_("My eTwinning School"), cards=cards)


def parent(user: Any) -> Contribution:
    url = reverse("agency:parent_home")
    children = list(
        StudentProfile.objects.filter(guardians=user)
        .select_related("user", "class_group__school")
        .order_by("user__display_name", "pk")
    )
    child_ids = [child.user_id for child in children]
    initiatives = _initiatives(proposed_by_id__in=child_ids)
    suggestions = _suggestions(author_id__in=child_ids)
    facts = tuple(
        Fact(
            child.user.display_name,
            _("class %(class)s at %(school)s")
            % {"class": child.class_group.name, "school": child.class_group.school.name},
            url,
            icon="person",
        )
        for child in children
    )
    cards = (
        Todo(
            "agency.consent",
            _("Children waiting for your consent to sign in"),
            sum(1 for child in children if not child.parental_consent),
            url,
            "person-check",
            WARNING,
            5,
        ),
        Todo(
            "agency.child_initiatives",
            _("What your children proposed"),
            initiatives["total"],
            url,
            "lightbulb",
            order=10,
            always=True,
        ),
        Todo(
            "agency.child_suggestions",
            _("Your children's suggestions"),
            suggestions["total"],
            url,
            "mailbox",
            order=20,
            always=True,
        ),
        Todo(
            "agency.child_answered",
            _("Suggestions answered"),
            suggestions["answered"],
            url,
            "chat-left-quote",
            order=30,
            always=True,
        ),
    )
    return Contribution(
        "parent", title=_("My children"), cards=cards, facts=facts, facts_title=_("Class and school")
    )


def todos(*, user: Any, roles: Roles, now: datetime) -> list[Contribution]:
    found = []
    if roles.schools_with(Role.STUDENT):
        found.append(pupil(user))
    if roles.schools_with(Role.PARENT):
        found.append(parent(user))
    return found
