"""The team's decisions: processes, quorum, anonymity and the conflicts that must be refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from tests import factories
from tests.conftest import World
from tests.leadership.factories import ResponsibilityFactory, open_proposal, team_teacher
from twinschools.accounts.models import Role
from twinschools.core.models import AuditEvent
from twinschools.leadership import queries, services
from twinschools.leadership.models import Choice, Process, Result, Status, TeamMember
from twinschools.leadership.services import Count, result_of


def positions(proposal, *pairs):
    for voter, choice, *reason in pairs:
        services.take_position(
            proposal=proposal, voter=voter, choice=choice, reason=reason[0] if reason else ""
        )


def close(proposal, by):
    return services.close_proposal(proposal=proposal, by=by)


@pytest.fixture
def team(world: World):
    return (
        world.people["head_a"],
        world.people["team_a"],
        team_teacher(world.school_a, full_name="Third Member"),
    )


def test_the_eligible_voters_are_the_team_and_the_head_when_the_proposal_opens(world: World, team) -> None:
    head, member, third = team
    proposal = open_proposal(world.school_a, member)
    late = team_teacher(world.school_a)
    assert set(proposal.voters.all()) == {head, member, third}
    with pytest.raises(ValidationError):
        services.take_position(proposal=proposal, voter=late, choice=Choice.CONSENT)


def test_consent_passes_without_objection_and_fails_with_a_standing_one(world: World, team) -> None:
    head, member, third = team
    passing = open_proposal(world.school_a, member)
    positions(passing, (head, Choice.CONSENT), (third, Choice.OBJECT, "Too soon"), (third, Choice.CONSENT))
    assert close(passing, member).result == Result.PASSED
    failing = open_proposal(world.school_a, member)
    positions(failing, (head, Choice.CONSENT), (third, Choice.OBJECT, "We lack the time"))
    assert close(failing, member).result == Result.REJECTED


def test_an_objection_or_a_block_needs_a_reason(world: World, team) -> None:
    head, member, _third = team
    consent = open_proposal(world.school_a, member)
    with pytest.raises(ValidationError) as error:
        services.take_position(proposal=consent, voter=head, choice=Choice.OBJECT, reason="  ")
    assert "reason" in error.value.error_dict
    consensus = open_proposal(world.school_a, member, process=Process.CONSENSUS)
    with pytest.raises(ValidationError):
        services.take_position(proposal=consensus, voter=head, choice=Choice.BLOCK)


def test_consensus_passes_unless_somebody_blocks(world: World, team) -> None:
    head, member, third = team
    agreed = open_proposal(world.school_a, member, process=Process.CONSENSUS)
    positions(agreed, (head, Choice.AGREE), (third, Choice.DISAGREE), (member, Choice.ABSTAIN))
    assert close(agreed, member).result == Result.PASSED
    blocked = open_proposal(world.school_a, member, process=Process.CONSENSUS)
    positions(blocked, (head, Choice.AGREE), (third, Choice.BLOCK, "It breaks our data policy"))
    assert close(blocked, member).result == Result.REJECTED


def test_a_vote_passes_by_a_majority_of_the_yes_and_no_cast(world: World, team) -> None:
    head, member, third = team
    won = open_proposal(world.school_a, member, process=Process.VOTE)
    positions(won, (head, Choice.YES), (third, Choice.ABSTAIN), (member, Choice.ABSTAIN))
    assert close(won, member).result == Result.PASSED
    tied = open_proposal(world.school_a, member, process=Process.VOTE)
    positions(tied, (head, Choice.YES), (third, Choice.NO))
    assert close(tied, member).result == Result.REJECTED


def test_advice_is_collected_as_text_and_the_proposer_decides(world: World, team) -> None:
    head, member, _third = team
    proposal = open_proposal(world.school_a, member, process=Process.ADVICE)
    with pytest.raises(ValidationError):
        services.take_position(proposal=proposal, voter=head, choice=Choice.ADVICE)
    with pytest.raises(ValidationError):
        services.take_position(proposal=proposal, voter=head, choice=Choice.YES, reason="Yes")
    services.take_position(proposal=proposal, voter=head, choice=Choice.ADVICE, reason="Start in March")
    assert close(proposal, member).result == Result.ADVISED


def test_without_the_quorum_there_is_no_decision(world: World, team) -> None:
    head, member, _third = team
    proposal = open_proposal(world.school_a, member, quorum_percent=67)
    positions(proposal, (head, Choice.CONSENT))
    assert close(proposal, member).result == Result.NO_QUORUM
    reached = open_proposal(world.school_a, member, quorum_percent=60)
    positions(reached, (head, Choice.CONSENT), (member, Choice.CONSENT))
    assert close(reached, member).result == Result.PASSED


def test_the_result_rules_on_their_own() -> None:
    assert result_of(Process.VOTE, Count(eligible=4, cast={"yes": 2, "no": 1}), 50) == Result.PASSED
    assert result_of(Process.VOTE, Count(eligible=4, cast={"yes": 1}), 50) == Result.NO_QUORUM
    assert result_of(Process.CONSENT, Count(eligible=3, cast={}), None) == Result.PASSED


def test_one_position_per_person_and_the_last_one_counts(world: World, team) -> None:
    head, member, _third = team
    proposal = open_proposal(world.school_a, member, process=Process.VOTE)
    positions(proposal, (head, Choice.NO), (head, Choice.YES, "Convinced"))
    assert list(proposal.positions.values_list("choice", "reason")) == [(Choice.YES, "Convinced")]


def test_nobody_takes_a_position_after_closing_or_after_the_closing_time(world: World, team) -> None:
    head, member, _third = team
    proposal = open_proposal(world.school_a, member)
    close(proposal, member)
    with pytest.raises(ValidationError):
        services.take_position(proposal=proposal, voter=head, choice=Choice.CONSENT)
    overdue = open_proposal(world.school_a, member)
    type(overdue).objects.filter(pk=overdue.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(ValidationError):
        services.take_position(proposal=overdue, voter=head, choice=Choice.CONSENT)


def test_a_teacher_who_is_not_on_the_team_cannot_open_or_take_a_position(world: World, team) -> None:
    _head, member, _third = team
    with pytest.raises(ValidationError):
        open_proposal(world.school_a, world.people["teacher_a"])
    proposal = open_proposal(world.school_a, member)
    with pytest.raises(ValidationError):
        services.take_position(proposal=proposal, voter=world.people["teacher_a"], choice=Choice.CONSENT)


def test_a_proposal_must_close_in_the_future(world: World, team) -> None:
    with pytest.raises(ValidationError) as error:
        open_proposal(world.school_a, team[1], closes_at=timezone.now() - timedelta(hours=1))
    assert "closes_at" in error.value.error_dict


def test_a_closed_proposal_cannot_be_closed_or_withdrawn_again(world: World, team) -> None:
    member = team[1]
    proposal = open_proposal(world.school_a, member)
    services.withdraw_proposal(proposal=proposal, by=member)
    proposal.refresh_from_db()
    assert proposal.status == Status.WITHDRAWN
    with pytest.raises(ValidationError):
        close(proposal, member)
    with pytest.raises(ValidationError):
        services.withdraw_proposal(proposal=proposal, by=member)


def test_anonymous_positions_show_no_names_and_leave_no_choice_in_the_audit_trail(world: World, team) -> None:
    head, member, third = team
    proposal = open_proposal(world.school_a, member, anonymous=True)
    positions(proposal, (head, Choice.CONSENT), (third, Choice.OBJECT, "Not this term"))
    seen_open = queries.proposal_view(proposal, member)
    assert seen_open.positions == [] and not seen_open.show_tallies and seen_open.participation == 2
    assert seen_open.anonymous_reasons == []
    close(proposal, member)
    proposal.refresh_from_db()
    with translation.override("en"):
        seen = queries.proposal_view(proposal, member)
    assert seen.positions == []
    assert seen.anonymous_reasons == [("Object", "Not this term")]
    taken = AuditEvent.objects.filter(action="leadership.proposal.position_taken", target_id=str(proposal.pk))
    assert [event.data for event in taken] == [{}, {}]


def test_the_outcome_names_staff_of_the_school_and_a_review_date(world: World, team) -> None:
    head, member, _third = team
    proposal = open_proposal(world.school_a, member)
    with pytest.raises(ValidationError):
        services.record_outcome(
            proposal=proposal, statement="Too early", responsible=[], review_on=None, by=member
        )
    close(proposal, member)
    with pytest.raises(ValidationError) as error:
        services.record_outcome(
            proposal=proposal,
            statement="We apply",
            responsible=[world.people["teacher_b"]],
            review_on=None,
            by=member,
        )
    assert "responsible" in error.value.error_dict
    review_on = timezone.localdate() + timedelta(days=90)
    outcome = services.record_outcome(
        proposal=proposal,
        statement="We apply in October",
        responsible=[world.people["teacher_a"], head],
        review_on=review_on,
        by=member,
    )
    assert set(outcome.responsible.all()) == {world.people["teacher_a"], head}
    assert outcome.review_on == review_on
    assert AuditEvent.objects.filter(action="leadership.outcome.recorded", actor=member).exists()


def test_leaders_add_and_remove_staff_and_only_the_head_delegates(world: World) -> None:
    head = world.people["head_a"]
    member = services.add_team_member(school=world.school_a, user=world.people["teacher_a"], by=head)
    with pytest.raises(ValidationError):
        services.add_team_member(school=world.school_a, user=world.people["teacher_a"], by=head)
    with pytest.raises(ValidationError):
        services.add_team_member(school=world.school_a, user=world.people["teacher_b"], by=head)
    services.set_delegation(member=member, leads=True, by=head)
    assert TeamMember.objects.get(pk=member.pk).leads_workspace
    assert world.people["teacher_a"].has_perm("workspace.lead", world.school_a)
    assert not world.people["teacher_a"].has_perm("leadership.delegate", world.school_a)
    services.remove_team_member(member=member, by=head)
    assert not TeamMember.objects.filter(pk=member.pk).exists()
    assert {event.action for event in AuditEvent.objects.filter(school=world.school_a)} >= {
        "leadership.team_member.added",
        "leadership.team_member.delegated",
        "leadership.team_member.removed",
    }


def test_an_owner_hands_over_before_leaving_and_deputies_are_dropped(world: World) -> None:
    head, member = world.people["head_a"], world.people["team_a"]
    seat = TeamMember.objects.get(user=member)
    owned = ResponsibilityFactory(school=world.school_a, owner=member)
    with pytest.raises(ValidationError):
        services.remove_team_member(member=seat, by=head)
    services.save_responsibility(
        school=world.school_a, responsibility=owned, kind=owned.kind, owner=head, deputies=[member], by=head
    )
    services.remove_team_member(member=seat, by=head)
    assert list(owned.deputies.all()) == []


def test_responsibilities_are_held_by_team_members_and_own_areas_need_a_title(world: World) -> None:
    head = world.people["head_a"]
    with pytest.raises(ValidationError) as error:
        services.save_responsibility(school=world.school_a, kind="own", owner=head, by=head)
    assert "title" in error.value.error_dict
    with pytest.raises(ValidationError) as error:
        services.save_responsibility(
            school=world.school_a, kind="esafety", owner=world.people["teacher_a"], by=head
        )
    assert "owner" in error.value.error_dict
    saved = services.save_responsibility(
        school=world.school_a,
        kind="own",
        title="School garden",
        owner=head,
        deputies=[world.people["team_a"], head],
        by=head,
    )
    assert saved.name == "School garden"
    assert list(saved.deputies.all()) == [world.people["team_a"]]


def test_a_seat_counts_only_while_the_person_is_on_the_staff(world: World) -> None:
    member = world.people["team_a"]
    member.memberships.update(ended_on=timezone.localdate() - timedelta(days=1))
    assert member not in queries.team_people(world.school_a)
    factories.MembershipFactory(user=member, school=world.school_a, role=Role.TEACHER)
    assert member in queries.team_people(world.school_a)


def test_a_review_date_before_the_decision_is_refused_with_the_decisions_date(world: World, team) -> None:
    _head, member, _third = team
    proposal = open_proposal(world.school_a, member)
    close(proposal, member)
    with pytest.raises(ValidationError) as error:
        services.record_outcome(
            proposal=proposal,
            statement="We apply",
            responsible=[member],
            review_on=timezone.localdate() - timedelta(days=1),
            by=member,
        )
    assert "review_on" in error.value.error_dict
    assert "cannot be before the decision" in str(error.value.error_dict["review_on"])
