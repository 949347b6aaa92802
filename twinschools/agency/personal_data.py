"""What student agency holds about a person, for their data export and erasure.

A pupil's initiatives (with the teacher's answer and what was held), the student teams they
belong to, and the teams a teacher coordinates. Suggestions to the school's box are left out
on purpose: the box is anonymous, and an export made by the head would link a suggestion back
to its author. The pupil and their parents read them in their own accounts.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from twinschools.accounts.personal_data import PersonalData, Row, register
from twinschools.agency.models import Initiative, StudentTeam, Suggestion


def _initiatives(person: Any) -> list[Row]:
    return [
        {
            "title": initiative.title,
            "plan": initiative.plan,
            "for_whom": ", ".join(initiative.audience_labels),
            "planned_on": initiative.planned_on.isoformat(),
            "team": initiative.team.name if initiative.team else "",
            "status": str(initiative.get_status_display()),
            "teacher_answer": initiative.moderation_note,
            "answered_at": initiative.moderated_at.date().isoformat() if initiative.moderated_at else None,
            "held_on": initiative.held_on.isoformat() if initiative.held_on else None,
            "reached": initiative.reached,
            "report": initiative.report,
            "proposed_at": initiative.created_at.date().isoformat(),
        }
        for initiative in Initiative.objects.filter(proposed_by=person)
        .select_related("team")
        .order_by("created_at", "pk")
    ]


def _teams(person: Any) -> list[Row]:
    rows = [
        {"team": team.name, "description": team.description, "as": str(_("pupil member"))}
        for team in StudentTeam.objects.filter(members__user=person).order_by("name", "pk")
    ]
    rows += [
        {"team": team.name, "description": team.description, "as": str(_("coordinating teacher"))}
        for team in StudentTeam.objects.filter(coordinators=person).order_by("name", "pk")
    ]
    return rows


def _erase(person: Any) -> None:
    # The school keeps the record of what was held, no longer linked to anybody.
    Initiative.objects.filter(proposed_by=person).update(proposed_by=None)
    Suggestion.objects.filter(author=person).update(author=None)


def register_personal_data() -> None:
    register(
        PersonalData(
            key="agency.initiatives",
            title=_("Initiatives proposed"),
            fields=(
                ("title", _("Title")),
                ("plan", _("What you will do")),
                ("for_whom", _("For whom")),
                ("planned_on", _("Planned date")),
                ("team", _("Team")),
                ("status", _("Status")),
                ("teacher_answer", _("The teacher's answer")),
                ("held_on", _("Held on")),
                ("reached", _("People reached")),
                ("report", _("Short report")),
            ),
            export=_initiatives,
            erase=_erase,
            order=30,
        )
    )
    register(
        PersonalData(
            key="agency.teams",
            title=_("Student teams"),
            fields=(
                ("team", _("Team")),
                ("description", _("What the team does")),
                ("as", _("Taking part as")),
            ),
            export=_teams,
            note=_(
                "Suggestions to the school's anonymous box are not part of this export: they stay anonymous, "
                "even to the school. The pupil and their parents read them in their own accounts."
            ),
            order=31,
        )
    )
