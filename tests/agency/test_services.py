"""Student agency services: teams, moderation of initiatives, reach, anonymous suggestions."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests import factories
from tests.agency.factories import InitiativeFactory, StudentTeamFactory, SuggestionFactory
from tests.conftest import World
from twinschools.agency import services
from twinschools.agency.models import Initiative, InitiativeStatus, SuggestionStatus
from twinschools.core.models import AuditEvent

NEXT_MONTH = timezone.localdate() + datetime.timedelta(days=30)


def propose(world: World, **overrides: object) -> Initiative:
    fields = {
        "title": "Demonstration for teachers",
        "plan": "We show the teachers' council how we work with our partners.",
        "audiences": ["teachers", "parents"],
        "planned_on": NEXT_MONTH,
    }
    return services.propose_initiative(pupil=world.pupil_a.user, **{**fields, **overrides})


def test_a_teacher_forms_a_team_of_pupils_of_the_school(world: World) -> None:
    team = services.create_team(
        school=world.school_a,
        name="Ambasadorii eTwinning",
        description="",
        coordinators=[world.people["teacher_a"]],
        members=[world.pupil_a],
        by=world.people["teacher_a"],
    )
    assert list(team.members.all()) == [world.pupil_a]
    assert AuditEvent.objects.filter(action="agency.student_team.created", school=world.school_a).exists()


def test_a_team_refuses_pupils_and_coordinators_of_another_school(world: World) -> None:
    other_pupil = factories.StudentFactory(class_group__school=world.school_b)
    with pytest.raises(ValidationError) as refused:
        services.create_team(
            school=world.school_a,
            name="Mixed",
            description="",
            coordinators=[world.people["teacher_b"]],
            members=[other_pupil],
            by=world.people["teacher_a"],
        )
    assert set(refused.value.error_dict) == {"coordinators", "members"}


def test_any_pupil_of_the_school_proposes_an_initiative_waiting_for_a_teacher(world: World) -> None:
    initiative = propose(world)
    assert initiative.school == world.school_a
    assert initiative.status == InitiativeStatus.PROPOSED
    assert AuditEvent.objects.filter(action="agency.initiative.proposed", actor=world.pupil_a.user).exists()


def test_an_initiative_needs_an_audience_and_a_date_that_is_not_past(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        propose(world, audiences=[], planned_on=timezone.localdate() - datetime.timedelta(days=1))
    assert set(refused.value.error_dict) == {"audiences", "planned_on"}


def test_a_pupil_can_only_name_a_team_they_are_on(world: World) -> None:
    team = StudentTeamFactory(school=world.school_a)
    with pytest.raises(ValidationError) as refused:
        propose(world, team=team)
    assert "team" in refused.value.error_dict


def test_asking_for_changes_needs_a_note_and_keeps_the_pupils_text(world: World) -> None:
    initiative = propose(world)
    with pytest.raises(ValidationError):
        services.moderate_initiative(
            initiative=initiative, decision="changes", note=" ", by=world.people["teacher_a"]
        )
    services.moderate_initiative(
        initiative=initiative,
        decision="changes",
        note="Add a date for the rehearsal.",
        by=world.people["teacher_a"],
    )
    initiative.refresh_from_db()
    assert initiative.status == InitiativeStatus.CHANGES
    assert initiative.plan == "We show the teachers' council how we work with our partners."
    assert initiative.moderation_note == "Add a date for the rehearsal."


def test_the_pupil_resubmits_with_changes_and_it_goes_back_to_the_teachers(world: World) -> None:
    initiative = propose(world)
    services.moderate_initiative(
        initiative=initiative, decision="changes", note="Which day?", by=world.people["teacher_a"]
    )
    services.resubmit_initiative(
        initiative=initiative,
        pupil=world.pupil_a.user,
        title="Demonstration for teachers",
        plan="On Thursday we show the teachers' council how we work with our partners.",
        audiences=["teachers"],
        planned_on=NEXT_MONTH,
    )
    initiative.refresh_from_db()
    assert initiative.status == InitiativeStatus.PROPOSED
    assert initiative.plan.startswith("On Thursday")


def test_only_the_proposer_resubmits_and_only_before_a_decision(world: World) -> None:
    initiative = propose(world)
    other = factories.StudentFactory(class_group=world.class_a).user
    fields = {"title": "X", "plan": "Y", "audiences": ["parents"], "planned_on": NEXT_MONTH}
    with pytest.raises(ValidationError):
        services.resubmit_initiative(initiative=initiative, pupil=other, **fields)
    services.moderate_initiative(
        initiative=initiative, decision="approve", note="", by=world.people["teacher_a"]
    )
    with pytest.raises(ValidationError):
        services.resubmit_initiative(initiative=initiative, pupil=world.pupil_a.user, **fields)


def test_declining_needs_a_reason_and_a_decided_initiative_is_not_decided_again(world: World) -> None:
    initiative = propose(world)
    with pytest.raises(ValidationError) as refused:
        services.moderate_initiative(
            initiative=initiative, decision="decline", note="", by=world.people["head_a"]
        )
    assert "note" in refused.value.error_dict
    services.moderate_initiative(
        initiative=initiative, decision="decline", note="Too close to exams.", by=world.people["head_a"]
    )
    with pytest.raises(ValidationError):
        services.moderate_initiative(
            initiative=initiative, decision="approve", note="", by=world.people["head_a"]
        )


def test_an_approved_initiative_is_recorded_held_with_the_audience_reached(world: World) -> None:
    initiative = InitiativeFactory(proposed_by=world.pupil_a.user, status=InitiativeStatus.APPROVED)
    services.record_held(
        initiative=initiative,
        held_on=timezone.localdate(),
        teachers_reached=12,
        parents_reached=30,
        others_reached=0,
        report="Four teachers asked to join a project.",
        by=world.people["teacher_a"],
    )
    initiative.refresh_from_db()
    assert (initiative.status, initiative.reached) == (InitiativeStatus.HELD, 42)
    assert AuditEvent.objects.get(action="agency.initiative.held").data == {
        "teachers": 12,
        "parents": 30,
        "others": 0,
    }


def test_the_reach_must_be_zero_or_more_and_the_date_not_in_the_future(world: World) -> None:
    initiative = InitiativeFactory(proposed_by=world.pupil_a.user, status=InitiativeStatus.APPROVED)
    with pytest.raises(ValidationError) as refused:
        services.record_held(
            initiative=initiative,
            held_on=timezone.localdate() + datetime.timedelta(days=1),
            teachers_reached=-1,
            parents_reached=None,
            others_reached=0,
            report="",
            by=world.people["teacher_a"],
        )
    assert set(refused.value.error_dict) == {"held_on", "teachers_reached", "parents_reached"}


def test_an_initiative_not_approved_cannot_be_recorded_held(world: World) -> None:
    initiative = propose(world)
    with pytest.raises(ValidationError):
        services.record_held(
            initiative=initiative,
            held_on=timezone.localdate(),
            teachers_reached=1,
            parents_reached=1,
            others_reached=1,
            report="",
            by=world.people["teacher_a"],
        )


def test_a_suggestion_leaves_an_audit_event_that_names_nobody(world: World) -> None:
    services.submit_suggestion(
        school=world.school_a, author=world.pupil_a.user, text="More lessons outside, please."
    )
    event = AuditEvent.objects.get(action="agency.suggestion.submitted")
    assert event.actor is None
    assert "Zorella" not in str(event.data) + event.target_type + event.target_id
    assert event.target_type == "agency.suggestion"


def test_hiding_a_suggestion_needs_a_reason_and_a_response_closes_the_loop(world: World) -> None:
    suggestion = SuggestionFactory(author=world.pupil_a.user)
    with pytest.raises(ValidationError) as refused:
        services.moderate_suggestion(
            suggestion=suggestion, decision="hide", reason="", response="", by=world.people["teacher_a"]
        )
    assert "reason" in refused.value.error_dict
    services.moderate_suggestion(
        suggestion=suggestion,
        decision="publish",
        reason="",
        response="Yes, from Monday.",
        by=world.people["teacher_a"],
    )
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.PUBLISHED
    assert suggestion.response == "Yes, from Monday."
    assert suggestion.responded_at is not None
