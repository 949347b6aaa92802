"""Each role's home page: what needs the person now, counted and linked, in a fixed number of queries."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.applications.factories import application_of, eligible, open_round
from tests.clients import signed_in
from tests.conftest import World
from tests.evaluation.factories import evaluator, review, submitted
from tests.events.factories import EventFactory, RegistrationFactory, SessionFactory
from tests.mentoring.factories import pairing_of
from tests.planning.factories import ActionFactory, GoalFactory, PlanFactory
from twinschools.accounts.models import Role
from twinschools.agency.models import Initiative, Suggestion
from twinschools.applications import services as applications
from twinschools.evaluation import services as evaluation
from twinschools.leadership.models import Proposal
from twinschools.mentoring.models import Meeting
from twinschools.notifications.models import Notification

INVITATION_ADVICE = "Ask your head of school for an invitation"


def _home(user: Any) -> Any:
    response = signed_in(user).get(reverse("accounts:dashboard"))
    assert response.status_code == 200
    return response


def _counts(response: Any, group: str) -> dict[str, int]:
    panel = next(p for p in response.context["home"].panels if p.group == group)
    return {card.key: card.count for card in panel.cards}


def _proposal(world: World, voters: list[Any], title: str = "Adopt the eSafety policy") -> Proposal:
    proposal = Proposal.objects.create(
        school=world.school_a,
        title=title,
        details="Details.",
        process="consent",
        proposer=world.people["head_a"],
        closes_at=timezone.now() + timedelta(days=3),
    )
    proposal.voters.set(voters)
    return proposal


def _action(world: World, owner: Any, days: int) -> Any:
    goal = GoalFactory(plan=PlanFactory(school=world.school_a))
    return ActionFactory(goal=goal, owners=[owner], ends_on=timezone.localdate() + timedelta(days=days))


def test_a_team_member_sees_the_proposals_waiting_for_their_position_and_their_actions_due(
    world: World,
) -> None:
    team = world.people["team_a"]
    _proposal(world, [team, world.people["head_a"]], "Adopt the eSafety policy")
    _action(world, team, days=-2)
    _action(world, team, days=5)
    _action(world, team, days=60)  # not due soon
    response = _home(team)
    counts = _counts(response, f"school:{world.school_a.pk}")
    assert counts["leadership.positions"] == 1
    assert counts["planning.overdue"] == 1
    assert counts["planning.due"] == 1
    page = response.content.decode()
    assert "What needs you now" in page
    assert "Adopt the eSafety policy" in page
    assert reverse("leadership:decisions", args=[world.school_a.pk]) in page


def test_a_teacher_sees_registrations_to_approve_todays_check_in_and_mentoring_meetings(world: World) -> None:
    event = EventFactory(school=world.school_a, approval_required=True, title="Open day for parents")
    RegistrationFactory(event=event, status="awaiting_approval")
    now = timezone.now()
    session = SessionFactory(
        event=event, starts_at=now - timedelta(minutes=5), ends_at=now + timedelta(hours=1)
    )
    pair = pairing_of(world.school_b, world.school_a, status="accepted")
    Meeting.objects.create(pairing=pair, on=timezone.localdate() + timedelta(days=3))
    response = _home(world.people["teacher_a"])
    counts = _counts(response, f"school:{world.school_a.pk}")
    assert counts["events.approve"] == 1
    assert counts["events.checkin"] == 1
    assert counts["mentoring.meetings"] == 1
    page = response.content.decode()
    assert reverse("events:event_manage", args=[event.pk]) in page
    assert reverse("events:checkin", args=[session.pk]) in page


def test_the_head_sees_the_application_readiness_decisions_to_record_and_pending_invitations(
    world: World,
) -> None:
    head = world.people["head_a"]
    app = application_of(world.school_a, head)
    first = app.parts.order_by("pk").first()
    applications.save_part(part=first, text="We have a policy.", base_revision=first.revision, by=head)
    closed = _proposal(world, [head], "Join the regional network")
    Proposal.objects.filter(pk=closed.pk).update(status="closed", result="passed", closed_at=timezone.now())
    response = _home(head)
    counts = _counts(response, f"school:{world.school_a.pk}")
    assert counts["leadership.outcomes"] == 1
    assert counts["accounts.invitations"] == 1  # the world's invitation to school A
    assert counts["applications.parts"] == 1
    panel = next(p for p in response.context["home"].panels if p.school_id == world.school_a.pk)
    facts = {str(fact.label): str(fact.value) for fact in panel.facts}
    assert facts["Sections complete"] == "1 of 4"  # the eSafety section has one statement
    assert facts["Signature"] == "Waiting"


def test_the_head_of_an_eligible_school_is_asked_to_start_its_application(world: World) -> None:
    eligible(open_round(), world.school_a)
    response = _home(world.people["head_a"])
    assert _counts(response, f"school:{world.school_a.pk}")["applications.start"] == 1
    assert reverse("applications:school", args=[world.school_a.pk]) in response.content.decode()


def test_the_head_appears_once_per_school_whatever_memberships_they_hold(world: World) -> None:
    head = world.people["head_a"]
    factories.MembershipFactory(user=head, school=world.school_a, role=Role.TEACHER)
    panels = [p for p in _home(head).context["home"].panels if p.school_id == world.school_a.pk]
    assert len(panels) == 1
    assert panels[0].subtitle == "Head of school, Teacher"


def test_a_pupil_sees_their_initiatives_and_suggestions_and_a_parent_their_childs_class(world: World) -> None:
    pupil = world.people["student_a"]
    Initiative.objects.create(
        school=world.school_a,
        proposed_by=pupil,
        title="Safer Internet Day",
        plan="A talk.",
        planned_on=timezone.localdate(),
        status="changes",
    )
    Suggestion.objects.create(school=world.school_a, author=pupil, text="More clubs.")
    counts = _counts(_home(pupil), "pupil")
    assert (counts["agency.initiatives"], counts["agency.changes"], counts["agency.suggestions"]) == (1, 1, 1)
    response = _home(world.people["parent_a"])
    assert _counts(response, "parent")["agency.child_initiatives"] == 1
    assert "class 7B at Școala Gimnazială „Avram Iancu”" in response.content.decode()


def test_the_nso_sees_the_rounds_funnel_and_the_applications_with_no_evaluator(world: World) -> None:
    round = open_round()
    app = submitted(world.school_a, world.people["head_a"], round=round)
    application_of(
        world.school_b, factories.MembershipFactory(school=world.school_b, role="head").user, round=round
    )
    response = _home(world.people["nso_x"])
    group = f"country:{world.school_a.country_id}"
    assert _counts(response, group)["evaluation.to_assign"] == 1
    panel = next(p for p in response.context["home"].panels if p.group == group)
    ((_template, funnel),) = panel.extras
    stages = {stage.key: stage.count for stage in funnel.stages}
    assert stages == {
        "eligible": 2,
        "invited": 0,
        "drafting": 1,
        "submitted": 1,
        "evaluation": 0,
        "decided": 0,
        "awarded": 0,
    }
    assert funnel.round == round
    assert app.round_id == round.pk
    assert reverse("labels:nso", args=["RO"]) in response.content.decode()


def test_the_evaluator_sees_their_assignments_with_the_criteria_scored(world: World) -> None:
    app = submitted(world.school_a, world.people["head_a"])
    person = world.people["evaluator_x"]
    evaluation.assign(application=app, evaluator=person, by=world.people["nso_x"])
    review(app, person, 4, None, 3, submit=False)
    response = _home(person)
    assert _counts(response, "evaluator")["evaluation.reviews"] == 1
    assert "3 of 3 criteria scored" in response.content.decode()


def test_the_admin_sees_the_rounds_on_a_timeline_with_what_each_waits_for(world: World) -> None:
    past = open_round(
        opens_at=timezone.now() - timedelta(days=400), closes_at=timezone.now() - timedelta(days=300)
    )
    upcoming = open_round(
        opens_at=timezone.now() + timedelta(days=30), closes_at=timezone.now() + timedelta(days=90)
    )
    current = open_round()
    response = _home(world.people["admin"])
    panel = next(p for p in response.context["home"].panels if p.group == "admin")
    ((_template, lines),) = panel.extras
    mine = [(line.round, line.phase) for line in lines if line.round in (past, current, upcoming)]
    assert mine == [(past, "past"), (current, "open"), (upcoming, "upcoming")]
    waiting = {line.round: str(line.waiting) for line in lines}
    assert waiting[current] == "Waiting for its eligibility check."
    assert waiting[past] == "Closed: nothing is waiting."


@pytest.mark.parametrize("role", ["nso_x", "evaluator_x", "admin", "nso_y"])
def test_a_national_role_is_never_told_to_ask_a_head_for_an_invitation(world: World, role: str) -> None:
    assert INVITATION_ADVICE not in _home(world.people[role]).content.decode()


def test_someone_with_no_role_is_told_to_ask_for_an_invitation(world: World) -> None:
    assert INVITATION_ADVICE in _home(factories.UserFactory()).content.decode()


def test_a_teacher_who_is_also_an_evaluator_sees_both_blocks(world: World) -> None:
    teacher = world.people["teacher_a"]
    factories.CountryRoleFactory(user=teacher, country=world.school_a.country, role="evaluator")
    groups = [p.group for p in _home(teacher).context["home"].panels]
    assert f"school:{world.school_a.pk}" in groups and "evaluator" in groups


def test_the_page_says_nothing_needs_you_when_nothing_does(world: World) -> None:
    page = _home(world.people["evaluator_y"]).content.decode()
    assert "Nothing needs you today." in page


def test_what_changed_since_the_last_visit_lists_the_notifications_that_came_after_it(world: World) -> None:
    teacher = world.people["teacher_a"]
    client = signed_in(teacher)
    client.get(reverse("accounts:dashboard"))
    from twinschools.accounts.models import HomeVisit

    HomeVisit.objects.filter(user=teacher).update(seen_at=timezone.now() - timedelta(hours=2))
    Notification.objects.create(recipient=teacher, kind="unknown.kind", params={}, url="/somewhere/")
    home = client.get(reverse("accounts:dashboard")).context["home"]
    assert home.last_visit is not None
    assert home.change_count == 1


def test_the_evaluation_page_opens_on_the_round_with_applications_waiting(world: World) -> None:
    busy = open_round(opens_at=timezone.now() - timedelta(days=20))
    submitted(world.school_a, world.people["head_a"], round=busy)
    open_round(opens_at=timezone.now() - timedelta(days=1))  # newer, and empty
    response = signed_in(world.people["nso_x"]).get(reverse("evaluation:nso_list"))
    assert response.context["page"].chosen == busy
    assert len(response.context["page"].rows) == 1


# Pinned query counts: one item and three items cost the same.


def _teacher_items(world: World, count: int) -> Any:
    team = world.people["team_a"]
    event = EventFactory(school=world.school_a, approval_required=True)
    now = timezone.now()
    for number in range(count):
        _proposal(world, [team], f"Proposal {number}")
        _action(world, team, days=number)
        RegistrationFactory(event=event, status="awaiting_approval")
        SessionFactory(
            event=event, starts_at=now + timedelta(minutes=number), ends_at=now + timedelta(hours=1)
        )
    return team


def _head_items(world: World, count: int) -> Any:
    head = world.people["head_a"]
    application_of(world.school_a, head)
    for number in range(count):
        school = factories.SchoolFactory(country=world.school_a.country)
        factories.MembershipFactory(user=head, school=school, role=Role.HEAD)
        factories.InvitationFactory(school=school, invited_by=head)
        closed = _proposal(world, [head], f"Closed {number}")
        Proposal.objects.filter(pk=closed.pk).update(status="closed")
    return head


def _nso_items(world: World, count: int) -> Any:
    round = open_round()
    for number in range(count):
        school = world.school_a if number == 0 else factories.SchoolFactory(country=world.school_a.country)
        head = (
            world.people["head_a"]
            if number == 0
            else factories.MembershipFactory(school=school, role="head").user
        )
        submitted(school, head, round=round)
    return world.people["nso_x"]


def _evaluator_items(world: World, count: int) -> Any:
    person = evaluator(world.school_a.country, "counted@example.org")
    round = open_round()
    for number in range(count):
        school = world.school_a if number == 0 else factories.SchoolFactory(country=world.school_a.country)
        head = (
            world.people["head_a"]
            if number == 0
            else factories.MembershipFactory(school=school, role="head").user
        )
        app = submitted(school, head, round=round)
        evaluation.assign(application=app, evaluator=person, by=world.people["nso_x"])
    return person


def _admin_items(world: World, count: int) -> Any:
    for _number in range(count):
        open_round()
    return world.people["admin"]


def _pupil_items(world: World, count: int) -> Any:
    pupil = world.people["student_a"]
    for number in range(count):
        Initiative.objects.create(
            school=world.school_a,
            proposed_by=pupil,
            title=f"Idea {number}",
            plan="Plan.",
            planned_on=timezone.localdate(),
        )
        Suggestion.objects.create(school=world.school_a, author=pupil, text=f"Suggestion {number}")
    return pupil


def _parent_items(world: World, count: int) -> Any:
    parent = world.people["parent_a"]
    for number in range(count - 1):
        child = factories.StudentFactory(class_group=world.class_a, user__display_name=f"Child {number}")
        child.guardians.add(parent)
    return parent


# (who, the items, queries). Each home page: session, user, roles (2), the visit (read and
# write in a savepoint), the eTwinning record, then each provider's fixed set-based reads.
HOME_PAGES = {
    "teacher": (_teacher_items, 28),
    "head": (_head_items, 36),  # with the parts in conflict of the application being written
    "nso": (_nso_items, 27),
    "evaluator": (_evaluator_items, 22),
    "admin": (_admin_items, 20),
    "pupil": (_pupil_items, 20),
    "parent": (_parent_items, 21),
}


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize("page", list(HOME_PAGES))
def test_each_home_page_costs_the_same_queries_for_one_item_as_for_three(
    world: World, django_assert_num_queries: Any, page: str, count: int
) -> None:
    make, queries = HOME_PAGES[page]
    client = signed_in(make(world, count))
    client.get(reverse("accounts:dashboard"))  # the first visit creates the visit's row
    with django_assert_num_queries(queries):
        response = client.get(reverse("accounts:dashboard"))
    assert response.status_code == 200
