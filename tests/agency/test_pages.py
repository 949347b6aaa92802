"""Student agency pages: staff, pupil and parent pages, bad input, privacy and query counts."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.agency.factories import InitiativeFactory, StudentTeamFactory, SuggestionFactory
from tests.clients import signed_in
from tests.conftest import World
from twinschools.agency.models import Initiative, InitiativeStatus, SuggestionStatus

PUPIL_MARKERS = ("Zorella", "SEVENB")


def staff_page(world: World, role: str = "teacher_a") -> str:
    url = reverse("agency:school_students", args=[world.school_a.pk])
    return signed_in(world.people[role]).get(url).content.decode()


def held_by_zorella(world: World) -> Initiative:
    team = StudentTeamFactory(
        school=world.school_a, coordinators=[world.people["teacher_a"]], members=[world.pupil_a]
    )
    return InitiativeFactory(
        proposed_by=world.pupil_a.user,
        team=team,
        title="Evening for parents about project work",
        status=InitiativeStatus.HELD,
        held_on=timezone.localdate(),
        teachers_reached=12,
        parents_reached=30,
        report="The parents worked in teams like us.",
    )


def test_a_pupil_who_signs_in_lands_on_the_student_page(world: World) -> None:
    world.pupil_a.user.set_password("482913")
    world.pupil_a.user.save(update_fields=["password"])
    response = Client().post(
        reverse("accounts:student_login"), {"code": "SEVENB", "display_name": "Zorella", "pin": "482913"}
    )
    assert response["Location"] == reverse("agency:student_home")


def test_staff_see_who_proposed_an_initiative_in_the_moderation_queue(world: World) -> None:
    InitiativeFactory(proposed_by=world.pupil_a.user, title="Demonstration for teachers")
    page = staff_page(world)
    assert "Demonstration for teachers" in page
    assert "Zorella" in page


def test_the_staff_pages_never_show_who_wrote_a_suggestion(world: World) -> None:
    suggestion = SuggestionFactory(author=world.pupil_a.user, text="Lessons in the garden, please.")
    assert "Lessons in the garden" in staff_page(world)
    assert "Zorella" not in staff_page(world)
    moderation = signed_in(world.people["teacher_a"]).get(
        reverse("agency:moderate_suggestion", args=[suggestion.pk])
    )
    assert "Lessons in the garden" in moderation.content.decode()
    assert "Zorella" not in moderation.content.decode()


def test_national_staff_see_held_initiatives_without_any_pupil(world: World) -> None:
    held_by_zorella(world)
    SuggestionFactory(author=world.pupil_a.user, text="A secret wish")
    page = staff_page(world, "nso_x")
    assert "Evening for parents about project work" in page
    assert "1 pupil" in page
    assert [marker for marker in PUPIL_MARKERS if marker in page] == []
    assert "A secret wish" not in page


@pytest.mark.parametrize(
    "url",
    [
        lambda w: reverse("core:home"),
        lambda w: reverse("network:directory"),
        lambda w: reverse("network:school", args=[w.school_a.pk]),
    ],
    ids=["home", "directory", "profile"],
)
def test_no_pupil_appears_on_public_pages_after_they_held_an_initiative(world: World, url: object) -> None:
    held_by_zorella(world)
    page = Client().get(url(world)).content.decode()  # type: ignore[operator]
    assert [marker for marker in PUPIL_MARKERS if marker in page] == []


def test_the_student_page_shows_teams_ideas_with_the_teachers_note_and_answered_suggestions(
    world: World,
) -> None:
    StudentTeamFactory(school=world.school_a, name="Ambasadorii", members=[world.pupil_a])
    InitiativeFactory(
        proposed_by=world.pupil_a.user,
        title="Quiz afternoon",
        status=InitiativeStatus.CHANGES,
        moderation_note="Which room?",
    )
    SuggestionFactory(
        author=factories.StudentFactory(class_group=world.class_a).user,
        text="A reading corner",
        status=SuggestionStatus.PUBLISHED,
        response="Approved by the council.",
    )
    SuggestionFactory(
        author=world.pupil_a.user,
        text="Tablets at break",
        status=SuggestionStatus.HIDDEN,
        hidden_reason="Not allowed by the rules.",
    )
    SuggestionFactory(
        author=factories.StudentFactory(class_group=world.class_a).user,
        text="Someone else's hidden idea",
        status=SuggestionStatus.HIDDEN,
    )
    page = signed_in(world.pupil_a.user).get(reverse("agency:student_home")).content.decode()
    for expected in (
        "Ambasadorii",
        "Quiz afternoon",
        "Which room?",
        "A reading corner",
        "Approved by the council.",
        "Not allowed by the rules.",
    ):
        assert expected in page
    assert "Someone else&#x27;s hidden idea" not in page and "Someone else's hidden idea" not in page


def test_a_pupil_proposing_with_bad_input_gets_field_errors_in_their_language_and_keeps_the_text(
    world: World,
) -> None:
    client = signed_in(world.pupil_a.user)
    client.cookies["django_language"] = "ro"
    response = client.post(
        reverse("agency:propose_initiative"),
        {"title": "Seara părinților", "plan": "Lucrăm cu părinții.", "planned_on": ""},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Seara părinților" in page and "Lucrăm cu părinții." in page
    assert "Acest câmp este obligatoriu." in page


def test_the_moderation_form_without_a_note_comes_back_with_an_error(world: World) -> None:
    initiative = InitiativeFactory(proposed_by=world.pupil_a.user)
    url = reverse("agency:moderate_initiative", args=[initiative.pk])
    response = signed_in(world.people["teacher_a"]).post(url, {"decision": "changes", "note": ""})
    assert response.status_code == 400
    assert "Tell the pupil what to change." in response.content.decode()
    initiative.refresh_from_db()
    assert initiative.status == InitiativeStatus.PROPOSED


def test_a_pupil_edits_only_their_own_initiative(world: World) -> None:
    other = InitiativeFactory(status=InitiativeStatus.CHANGES)
    other.school = world.school_a
    other.save()
    response = signed_in(world.pupil_a.user).get(reverse("agency:edit_initiative", args=[other.pk]))
    assert response.status_code == 404


def test_the_parent_page_shows_what_each_child_proposed_and_posted_read_only(world: World) -> None:
    held_by_zorella(world)
    SuggestionFactory(
        author=world.pupil_a.user,
        text="More music",
        status=SuggestionStatus.PUBLISHED,
        response="From next term.",
    )
    SuggestionFactory(text="Another child's idea")
    page = signed_in(world.people["parent_a"]).get(reverse("agency:parent_home")).content.decode()
    for expected in ("Zorella", "Evening for parents about project work", "More music", "From next term."):
        assert expected in page
    assert "Another child&#x27;s idea" not in page
    assert '<form method="post" action="/workspace' not in page


def test_a_parent_posts_to_the_suggestion_box_and_lands_on_their_page(world: World) -> None:
    response = signed_in(world.people["parent_a"]).post(
        reverse("agency:suggest", args=[world.school_a.pk]), {"text": "A calendar for parents"}
    )
    assert response["Location"] == reverse("agency:parent_home")


def _many_records(world: World, how_many: int) -> None:
    for number in range(how_many):
        pupil = factories.StudentFactory(class_group=world.class_a)
        StudentTeamFactory(
            school=world.school_a, coordinators=[world.people["teacher_a"]], members=[pupil, world.pupil_a]
        )
        for status in InitiativeStatus.values:
            InitiativeFactory(proposed_by=pupil.user, status=status, held_on=timezone.localdate())
        for status in SuggestionStatus.values:
            SuggestionFactory(author=pupil.user, status=status, response=f"Answer {number}")


@pytest.mark.parametrize("how_many", [1, 12])
def test_the_staff_page_costs_the_same_queries_for_one_record_or_many(
    world: World, how_many: int, django_assert_num_queries: object
) -> None:
    _many_records(world, how_many)
    client = signed_in(world.people["teacher_a"])
    url = reverse("agency:school_students", args=[world.school_a.pk])
    with django_assert_num_queries(14):  # type: ignore[operator]
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("how_many", [1, 12])
def test_the_national_staff_view_costs_the_same_queries_for_one_record_or_many(
    world: World, how_many: int, django_assert_num_queries: object
) -> None:
    _many_records(world, how_many)
    client = signed_in(world.people["nso_x"])
    url = reverse("agency:school_students", args=[world.school_a.pk])
    with django_assert_num_queries(8):  # type: ignore[operator]
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("how_many", [1, 12])
def test_the_student_page_costs_the_same_queries_for_one_record_or_many(
    world: World, how_many: int, django_assert_num_queries: object
) -> None:
    for number in range(how_many):
        StudentTeamFactory(
            school=world.school_a, coordinators=[world.people["teacher_a"]], members=[world.pupil_a]
        )
        InitiativeFactory(
            proposed_by=world.pupil_a.user, status=InitiativeStatus.CHANGES, moderation_note="More"
        )
        SuggestionFactory(
            author=world.pupil_a.user, status=SuggestionStatus.PUBLISHED, response=f"Answer {number}"
        )
    client = signed_in(world.pupil_a.user)
    with django_assert_num_queries(11):  # type: ignore[operator]
        assert client.get(reverse("agency:student_home")).status_code == 200


@pytest.mark.parametrize("how_many", [1, 12])
def test_the_parent_page_costs_the_same_queries_for_one_record_or_many(
    world: World, how_many: int, django_assert_num_queries: object
) -> None:
    for _ in range(how_many):
        child = factories.StudentFactory(class_group=world.class_a)
        child.guardians.add(world.people["parent_a"])
        InitiativeFactory(proposed_by=child.user)
        SuggestionFactory(author=child.user)
    client = signed_in(world.people["parent_a"])
    with django_assert_num_queries(9):  # type: ignore[operator]
        assert client.get(reverse("agency:parent_home")).status_code == 200


def test_a_past_planned_date_is_kept_in_the_held_form(world: World) -> None:
    initiative = InitiativeFactory(
        proposed_by=world.pupil_a.user,
        status=InitiativeStatus.APPROVED,
        planned_on=timezone.localdate() - datetime.timedelta(days=3),
    )
    response = signed_in(world.people["teacher_a"]).get(reverse("agency:record_held", args=[initiative.pk]))
    assert initiative.planned_on.isoformat() in response.content.decode()


def test_a_teacher_forms_a_team_from_the_form_and_a_bad_one_comes_back_filled(world: World) -> None:
    client = signed_in(world.people["teacher_a"])
    url = reverse("agency:team_create", args=[world.school_a.pk])
    form = client.get(url).content.decode()
    assert "Zorella, class 7B" in form
    response = client.post(
        url, {"name": "Ambasadorii", "description": "We show eTwinning.", "members": [world.pupil_a.pk]}
    )
    assert response.status_code == 400
    assert "We show eTwinning." in response.content.decode()
    response = client.post(
        url,
        {
            "name": "Ambasadorii",
            "coordinators": [world.people["teacher_a"].pk],
            "members": [world.pupil_a.pk],
        },
    )
    assert response["Location"] == reverse("agency:school_students", args=[world.school_a.pk])
    response = client.post(url, {"name": "ambasadorii", "coordinators": [world.people["teacher_a"].pk]})
    assert "already has a student team with this name" in response.content.decode()


def test_the_proposer_records_their_approved_initiative_as_held_and_goes_back_to_their_page(
    world: World,
) -> None:
    initiative = InitiativeFactory(proposed_by=world.pupil_a.user, status=InitiativeStatus.APPROVED)
    response = signed_in(world.pupil_a.user).post(
        reverse("agency:record_held", args=[initiative.pk]),
        {
            "held_on": timezone.localdate().isoformat(),
            "teachers_reached": "7",
            "parents_reached": "0",
            "others_reached": "3",
            "report": "",
        },
    )
    assert response["Location"] == reverse("agency:student_home")
    initiative.refresh_from_db()
    assert (initiative.status, initiative.reached) == (InitiativeStatus.HELD, 10)


def test_negative_reach_comes_back_with_an_error_and_the_numbers_kept(world: World) -> None:
    initiative = InitiativeFactory(proposed_by=world.pupil_a.user, status=InitiativeStatus.APPROVED)
    response = signed_in(world.people["teacher_a"]).post(
        reverse("agency:record_held", args=[initiative.pk]),
        {
            "held_on": timezone.localdate().isoformat(),
            "teachers_reached": "-2",
            "parents_reached": "31",
            "others_reached": "0",
        },
    )
    assert response.status_code == 400
    assert 'value="31"' in response.content.decode()


def test_hiding_a_suggestion_without_a_reason_comes_back_with_the_response_kept(world: World) -> None:
    suggestion = SuggestionFactory(author=world.pupil_a.user)
    response = signed_in(world.people["teacher_a"]).post(
        reverse("agency:moderate_suggestion", args=[suggestion.pk]),
        {"decision": "hide", "reason": "", "response": "We talked about it in the council."},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Say why the suggestion is not published." in page
    assert "We talked about it in the council." in page


def test_the_author_sees_the_teams_response_to_their_suggestion_once_it_is_published(world: World) -> None:
    suggestion = SuggestionFactory(author=world.pupil_a.user, text="A bench in the yard")
    signed_in(world.people["teacher_a"]).post(
        reverse("agency:moderate_suggestion", args=[suggestion.pk]),
        {"decision": "publish", "reason": "", "response": "It arrives in May."},
    )
    classmate = factories.StudentFactory(class_group=world.class_a).user
    for pupil in (world.pupil_a.user, classmate):
        page = signed_in(pupil).get(reverse("agency:student_home")).content.decode()
        assert "A bench in the yard" in page and "It arrives in May." in page


def test_the_student_page_speaks_romanian_with_its_plural_forms(world: World) -> None:
    client = signed_in(world.pupil_a.user)
    client.cookies["django_language"] = "ro"
    page = client.get(reverse("agency:student_home")).content.decode()
    assert "Bună, Zorella!" in page and "Cutia de sugestii" in page
    InitiativeFactory(proposed_by=world.pupil_a.user, status=InitiativeStatus.HELD, teachers_reached=21)
    page = client.get(reverse("agency:student_home")).content.decode()
    assert "Ați ajuns la 21 de persoane." in page
