"""The team, decisions and proposal pages: what each person sees, bad input, and pinned query counts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.clients import signed_in
from tests.conftest import World
from tests.leadership.factories import ResponsibilityFactory, closed_proposal, open_proposal, team_teacher
from twinschools.leadership import services
from twinschools.leadership.models import Choice, Outcome, Position, Proposal, TeamMember


def page_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_team_page_shows_who_holds_what(world: World) -> None:
    ResponsibilityFactory(school=world.school_a, owner=world.people["team_a"], kind="esafety")
    page = page_of(signed_in(world.people["teacher_a"]), reverse("leadership:team", args=[world.school_a.pk]))
    assert "eSafety" in page and "Team A" in page and "Head A" in page
    assert "Add to the team" not in page  # a teacher who does not lead sees, and changes nothing


def test_the_head_adds_a_colleague_and_lets_them_run_the_workspace(world: World) -> None:
    head = signed_in(world.people["head_a"])
    teacher = world.people["teacher_a"]
    response = head.post(reverse("leadership:add_member", args=[world.school_a.pk]), {"user": teacher.pk})
    assert response.status_code == 302
    seat = TeamMember.objects.get(school=world.school_a, user=teacher)
    head.post(reverse("leadership:delegate", args=[seat.pk]), {"leads": "1"})
    seat.refresh_from_db()
    assert seat.leads_workspace
    # The delegated leader manages the team but cannot delegate further.
    leader = signed_in(teacher)
    other_seat = TeamMember.objects.get(user=world.people["team_a"])
    assert (
        leader.post(reverse("leadership:delegate", args=[other_seat.pk]), {"leads": "1"}).status_code == 404
    )
    assert leader.get(reverse("leadership:new_responsibility", args=[world.school_a.pk])).status_code == 200


def test_a_responsibility_with_bad_input_comes_back_filled_with_errors_in_the_users_language(
    world: World,
) -> None:
    client = signed_in(world.people["head_a"])
    client.cookies["django_language"] = "ro"
    response = client.post(
        reverse("leadership:new_responsibility", args=[world.school_a.pk]),
        {"kind": "own", "title": "", "description": "Grădina din curte", "owner": world.people["head_a"].pk},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Dați un titlu domeniului propriu al școlii." in page
    assert "Grădina din curte" in page


def test_a_team_member_opens_a_proposal_and_bad_input_keeps_the_draft(world: World) -> None:
    client = signed_in(world.people["team_a"])
    url = reverse("leadership:new_proposal", args=[world.school_a.pk])
    past = (timezone.localtime() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        url, {"title": "Garden", "details": "A school garden", "process": "vote", "closes_at": past}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "The closing date and time must be in the future." in page and "A school garden" in page
    future = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        url,
        {
            "title": "Garden",
            "details": "A school garden",
            "process": "vote",
            "closes_at": future,
            "quorum_percent": "50",
        },
    )
    proposal = Proposal.objects.get(title="Garden")
    assert response.url == reverse("leadership:proposal", args=[proposal.pk])
    assert proposal.quorum_percent == 50


def test_taking_a_position_with_an_objection_without_reason_is_refused_on_the_field(world: World) -> None:
    proposal = open_proposal(world.school_a, world.people["team_a"])
    client = signed_in(world.people["head_a"])
    response = client.post(reverse("leadership:take_position", args=[proposal.pk]), {"choice": "object"})
    assert response.status_code == 400
    assert "An objection needs its reason" in response.content.decode()
    client.post(
        reverse("leadership:take_position", args=[proposal.pk]), {"choice": "object", "reason": "Too soon"}
    )
    assert Position.objects.get(proposal=proposal).reason == "Too soon"


def test_a_teacher_not_on_the_team_reads_a_proposal_but_gets_no_position_form(world: World) -> None:
    proposal = open_proposal(world.school_a, world.people["team_a"])
    page = page_of(signed_in(world.people["teacher_a"]), reverse("leadership:proposal", args=[proposal.pk]))
    assert proposal.title in page and "Take this position" not in page
    response = signed_in(world.people["teacher_a"]).post(
        reverse("leadership:take_position", args=[proposal.pk]), {"choice": "consent"}
    )
    assert response.status_code == 404


def test_national_staff_read_the_decisions_and_change_nothing(world: World) -> None:
    proposal = open_proposal(world.school_a, world.people["team_a"])
    nso = signed_in(world.people["nso_x"])
    assert proposal.title in page_of(nso, reverse("leadership:decisions", args=[world.school_a.pk]))
    assert nso.post(reverse("leadership:close_proposal", args=[proposal.pk])).status_code == 404


def test_an_anonymous_proposal_never_shows_who_took_which_position(world: World) -> None:
    proposal = open_proposal(world.school_a, world.people["team_a"], anonymous=True)
    services.take_position(
        proposal=proposal, voter=world.people["head_a"], choice=Choice.OBJECT, reason="Budget"
    )
    services.close_proposal(proposal=proposal, by=world.people["team_a"])
    for role in ("team_a", "head_a", "admin", "nso_x"):
        page = page_of(signed_in(world.people[role]), reverse("leadership:proposal", args=[proposal.pk]))
        assert "Budget" in page
        assert "Head A</strong>" not in page


def test_the_proposer_records_the_outcome_and_it_appears_in_the_decision_log(world: World) -> None:
    proposal = closed_proposal(world.school_a, world.people["team_a"])
    client = signed_in(world.people["team_a"])
    review_on = (timezone.localdate() + timedelta(days=30)).isoformat()
    response = client.post(
        reverse("leadership:record_outcome", args=[proposal.pk]),
        {
            "statement": "We apply in October",
            "responsible": [world.people["head_a"].pk],
            "review_on": review_on,
        },
    )
    assert response.status_code == 302
    log = page_of(client, reverse("leadership:decisions", args=[world.school_a.pk]) + "?filter=decided")
    assert "We apply in October" in log and "Head A" in log


def test_the_review_filter_lists_decisions_whose_review_date_has_come(world: World) -> None:
    due = closed_proposal(world.school_a, world.people["team_a"], title="Due for review")
    later = closed_proposal(world.school_a, world.people["team_a"], title="Reviewed later")
    # Decided a month ago: a review date yesterday has come (and is not before the decision).
    Proposal.objects.filter(pk=due.pk).update(closed_at=timezone.now() - timedelta(days=30))
    due.refresh_from_db()
    for proposal, days in ((due, -1), (later, 60)):
        services.record_outcome(
            proposal=proposal,
            statement="Done",
            responsible=[],
            review_on=timezone.localdate() + timedelta(days=days),
            by=world.people["team_a"],
        )
    page = page_of(
        signed_in(world.people["head_a"]),
        reverse("leadership:decisions", args=[world.school_a.pk]) + "?filter=review",
    )
    assert "Due for review" in page and "Reviewed later" not in page


def _decided(world: World, count: int) -> None:
    """`count` closed proposals with outcomes naming two people, plus as many open ones."""
    team_a, head = world.people["team_a"], world.people["head_a"]
    for number in range(count):
        proposal = closed_proposal(world.school_a, team_a, title=f"Decided {number}")
        outcome = Outcome.objects.create(
            proposal=proposal, school=world.school_a, statement="Yes", recorded_by=team_a
        )
        outcome.responsible.set([team_a, head])
        open_proposal(world.school_a, team_a, title=f"Open {number}")


@pytest.mark.parametrize("count", [1, 12])
def test_the_decisions_page_costs_the_same_queries_for_one_or_many_proposals(
    world: World, count: int, django_assert_num_queries
) -> None:
    _decided(world, count)
    client = signed_in(world.people["head_a"])
    url = reverse("leadership:decisions", args=[world.school_a.pk])
    client.get(url)
    with django_assert_num_queries(9):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("count", [1, 8])
def test_the_team_page_costs_the_same_queries_for_one_or_many_members(
    world: World, count: int, django_assert_num_queries
) -> None:
    for _ in range(count):
        member = team_teacher(world.school_a)
        ResponsibilityFactory(school=world.school_a, owner=member).deputies.set([world.people["head_a"]])
    client = signed_in(world.people["head_a"])
    url = reverse("leadership:team", args=[world.school_a.pk])
    client.get(url)
    with django_assert_num_queries(10):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("count", [1, 6])
def test_the_proposal_page_costs_the_same_queries_for_one_or_many_positions(
    world: World, count: int, django_assert_num_queries
) -> None:
    voters = [team_teacher(world.school_a) for _ in range(count)]
    proposal = open_proposal(world.school_a, world.people["team_a"])
    for voter in voters:
        services.take_position(proposal=proposal, voter=voter, choice=Choice.CONSENT, reason="fine")
    client = signed_in(world.people["head_a"])
    url = reverse("leadership:proposal", args=[proposal.pk])
    client.get(url)
    with django_assert_num_queries(8):
        assert client.get(url).status_code == 200
