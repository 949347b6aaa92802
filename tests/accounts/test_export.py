"""The person's data export is complete (what a pupil did, too), readable, and keeps suggestions anonymous."""

from __future__ import annotations

import json

from django.urls import reverse
from django.utils import timezone

from tests.agency.factories import InitiativeFactory, StudentTeamFactory, SuggestionFactory
from tests.clients import signed_in
from tests.conftest import World
from tests.events.factories import RegistrationFactory
from tests.practices.factories import PracticeFactory
from twinschools.agency.models import InitiativeStatus
from twinschools.core.models import AuditEvent


def _pupils_record(world: World) -> None:
    team = StudentTeamFactory(
        school=world.school_a,
        name="Eco ambassadors",
        coordinators=[world.people["teacher_a"]],
        members=[world.pupil_a],
    )
    InitiativeFactory(
        proposed_by=world.pupil_a.user,
        team=team,
        title="Show the TwinSpace to the parents",
        status=InitiativeStatus.CHANGES,
        moderation_note="Lovely idea: add a date in June.",
        moderated_by=world.people["teacher_a"],
        moderated_at=timezone.now(),
    )
    SuggestionFactory(author=world.pupil_a.user, text="A quiet corner in the library, please.")


def _export(world: World, person_pk: int, *, json_file: bool) -> tuple[int, str]:
    url = reverse("accounts:export_person", args=[person_pk]) + ("?format=json" if json_file else "")
    response = signed_in(world.people["head_a"]).get(url)
    return response.status_code, response.content.decode()


def test_a_pupils_export_holds_their_initiatives_teams_and_the_teachers_answers(world: World) -> None:
    _pupils_record(world)
    status, body = _export(world, world.pupil_a.user.pk, json_file=True)
    data = json.loads(body)
    assert status == 200
    [initiative] = data["agency.initiatives"]
    assert initiative["title"] == "Show the TwinSpace to the parents"
    assert initiative["teacher_answer"] == "Lovely idea: add a date in June."
    assert initiative["team"] == "Eco ambassadors"
    assert [team["team"] for team in data["agency.teams"]] == ["Eco ambassadors"]
    assert data["student"]["class"] == "7B"


def test_anonymous_suggestions_are_left_out_of_the_export_and_it_says_so(world: World) -> None:
    _pupils_record(world)
    for json_file in (True, False):
        _status, body = _export(world, world.pupil_a.user.pk, json_file=json_file)
        assert "quiet corner" not in body
        assert "stay anonymous" in body


def test_the_export_is_a_readable_page_a_head_can_print_and_hand_over(world: World) -> None:
    _pupils_record(world)
    status, page = _export(world, world.pupil_a.user.pk, json_file=False)
    assert status == 200
    assert "The data TwinSchools holds about Zorella" in page
    assert "Lovely idea: add a date in June." in page
    assert "Initiatives proposed" in page
    assert "?format=json" in page
    assert AuditEvent.objects.filter(
        action="accounts.person.exported", target_id=str(world.pupil_a.user.pk)
    ).exists()


def test_the_readable_export_is_translated(world: World) -> None:
    _pupils_record(world)
    response = signed_in(world.people["head_a"]).get(
        reverse("accounts:export_person", args=[world.pupil_a.user.pk]), HTTP_ACCEPT_LANGUAGE="ro"
    )
    assert "Inițiative propuse" in response.content.decode()


def test_a_teachers_export_holds_their_event_registrations_and_practices(world: World) -> None:
    teacher = world.people["teacher_a"]
    RegistrationFactory(name="Teacher A", email="TEACHER_A@example.org")
    PracticeFactory(school=world.school_a, author=teacher, title="Peer reading with a partner school")
    _status, body = _export(world, teacher.pk, json_file=True)
    data = json.loads(body)
    assert [row["email"] for row in data["events.registrations"]] == ["TEACHER_A@example.org"]
    assert data["practices.practices"][0]["title"] == "Peer reading with a partner school"
