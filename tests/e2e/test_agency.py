"""A pupil proposes an initiative; a teacher asks for changes, approves it and records it held; the parent sees it."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.agency.factories import InitiativeFactory, StudentTeamFactory, SuggestionFactory
from tests.conftest import World
from tests.e2e.conftest import NewPage
from tests.e2e.helpers import at
from twinschools.agency.models import Initiative, InitiativeStatus, SuggestionStatus

pytestmark = pytest.mark.browser

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PIN = "482913"
TITLE = "Demonstration for the teachers"


def submit(page: Any) -> None:
    with page.expect_navigation():
        page.locator("main form [type=submit]").last.click()


def sign_in_as_zorella(page: Any) -> None:
    page.goto(reverse("accounts:student_login"))
    page.get_by_label("Class code").fill("SEVENB")
    page.get_by_label("Your name in the class").fill("Zorella")
    page.get_by_label("Your PIN").fill(PIN)
    submit(page)


def test_a_pupils_initiative_is_moderated_held_and_seen_by_the_parent(
    world: World, new_page: NewPage, assert_accessible: Any
) -> None:
    world.pupil_a.user.set_password(PIN)
    world.pupil_a.user.save(update_fields=["password"])
    today = timezone.localdate().isoformat()

    pupil = new_page()
    sign_in_as_zorella(pupil)
    expect(pupil).to_have_url(at(reverse("agency:student_home")))
    expect(pupil.get_by_role("heading", level=1)).to_have_text("Hello, Zorella!")

    pupil.get_by_role("link", name="Propose an idea").click()
    pupil.get_by_label("Title of your idea").fill(TITLE)
    pupil.get_by_label("What will you do?").fill("We show our TwinSpace.")
    pupil.get_by_label("Teachers not yet involved").check()
    pupil.get_by_label("Parents").check()
    pupil.get_by_label("When?").fill(today)
    submit(pupil)
    expect(pupil.get_by_role("status")).to_contain_text("Your idea was sent to your teachers.")
    expect(pupil.get_by_role("main")).to_contain_text("Waiting for a teacher")

    teacher = new_page(user=world.people["teacher_a"])
    teacher.goto(reverse("agency:school_students", args=[world.school_a.pk]))
    teacher.get_by_role("link", name=TITLE).click()
    expect(teacher.get_by_role("main")).to_contain_text("Proposed by Zorella")
    teacher.get_by_label("Ask the pupil for changes").check()
    submit(teacher)
    expect(teacher.get_by_role("main")).to_contain_text("Tell the pupil what to change.")
    teacher.get_by_label("Note for the pupil").fill("Which room? Ask the head.")
    submit(teacher)
    expect(teacher.get_by_role("status")).to_contain_text(f"Your decision about {TITLE} was recorded.")

    pupil.reload()
    expect(pupil.get_by_role("main")).to_contain_text("Which room? Ask the head.")
    pupil.get_by_role("link", name=f"Change {TITLE}").click()
    expect(pupil.get_by_label("What will you do?")).to_have_value("We show our TwinSpace.")
    pupil.get_by_label("What will you do?").fill("We show our TwinSpace in the library.")
    submit(pupil)
    expect(pupil.get_by_role("status")).to_contain_text("Your idea was sent to your teachers again.")

    teacher.goto(reverse("agency:school_students", args=[world.school_a.pk]))
    teacher.get_by_role("link", name=TITLE).click()
    expect(teacher.get_by_role("main")).to_contain_text("We show our TwinSpace in the library.")
    teacher.get_by_label("Approve").check()
    submit(teacher)
    teacher.get_by_role("link", name=f"Record {TITLE} as held").click()
    teacher.get_by_label("Teachers reached").fill("12")
    teacher.get_by_label("Parents reached").fill("30")
    teacher.get_by_label("Short report").fill("Four teachers want to join a project.")
    submit(teacher)
    expect(teacher.get_by_role("table", name="Initiatives held")).to_contain_text(TITLE)

    initiative = Initiative.objects.get(title=TITLE)
    assert (initiative.status, initiative.teachers_reached, initiative.parents_reached) == ("held", 12, 30)

    parent = new_page(user=world.people["parent_a"])
    parent.goto(reverse("agency:parent_home"))
    expect(parent.get_by_role("main")).to_contain_text(TITLE)
    expect(parent.get_by_role("main")).to_contain_text("Teachers: 12, parents: 30, others: 0")


def _lived_in(world: World) -> Initiative:
    StudentTeamFactory(
        school=world.school_a, coordinators=[world.people["teacher_a"]], members=[world.pupil_a]
    )
    waiting = InitiativeFactory(proposed_by=world.pupil_a.user, title="Quiz afternoon")
    InitiativeFactory(
        proposed_by=world.pupil_a.user,
        status=InitiativeStatus.HELD,
        held_on=timezone.localdate() - datetime.timedelta(days=2),
        teachers_reached=12,
        parents_reached=30,
    )
    InitiativeFactory(
        proposed_by=world.pupil_a.user, status=InitiativeStatus.CHANGES, moderation_note="Which day?"
    )
    SuggestionFactory(
        author=world.pupil_a.user, status=SuggestionStatus.PUBLISHED, response="Yes, from Monday."
    )
    SuggestionFactory(author=world.pupil_a.user)
    return waiting


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_student_agency_pages_are_accessible(
    world: World, new_page: NewPage, assert_accessible: Any, language: str
) -> None:
    waiting = _lived_in(world)
    pupil = new_page(user=world.pupil_a.user, language=language)
    pupil.goto(reverse("agency:student_home"))
    assert_accessible(pupil, f"student page ({language})")
    pupil.goto(reverse("agency:propose_initiative"))
    submit(pupil)
    expect(pupil.locator(".errorlist").first).to_be_visible()
    assert_accessible(pupil, f"initiative form with errors ({language})")

    teacher = new_page(user=world.people["teacher_a"], language=language)
    teacher.goto(reverse("agency:school_students", args=[world.school_a.pk]))
    assert_accessible(teacher, f"staff page ({language})")
    teacher.goto(reverse("agency:moderate_initiative", args=[waiting.pk]))
    teacher.locator("input[name=decision][value=decline]").check()
    submit(teacher)
    expect(teacher.locator(".errorlist").first).to_be_visible()
    assert_accessible(teacher, f"moderation form with errors ({language})")

    nso = new_page(user=world.people["nso_x"], language=language)
    nso.goto(reverse("agency:school_students", args=[world.school_a.pk]))
    assert_accessible(nso, f"national staff view ({language})")

    parent = new_page(user=world.people["parent_a"], language=language)
    parent.goto(reverse("agency:parent_home"))
    assert_accessible(parent, f"parent page ({language})")
