"""Erasing a person leaves no personal data behind, in any table."""

from __future__ import annotations

import json
from datetime import timedelta

from django.apps import apps
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation

from tests.clients import signed_in
from tests.conftest import World
from tests.events.factories import EventFactory, RegistrationFactory, SessionFactory
from tests.practices.factories import PracticeFactory
from twinschools.accounts import services as accounts
from twinschools.accounts.models import User
from twinschools.agency import services as agency
from twinschools.agency.models import Audience
from twinschools.events import services as events
from twinschools.events.models import Registration
from twinschools.leadership import services as leadership
from twinschools.practices import services as practices

TEACHER_NAME, TEACHER_EMAIL = "Ileana Vrânceanu", "ileana.vranceanu@example.org"
PUPIL_NAME = "Zorella"
REGISTRANT_NAME, REGISTRANT_EMAIL = "Quentin Registrantson", "quentin.registrantson@example.org"
MARKERS = (TEACHER_NAME, TEACHER_EMAIL, "ileana.vranceanu", PUPIL_NAME, REGISTRANT_NAME, REGISTRANT_EMAIL)
TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def _leave_traces(world: World) -> Registration:
    """The three people act the way they do on a school day, leaving their names around."""
    teacher = world.people["team_a"]
    teacher.full_name, teacher.email = TEACHER_NAME, TEACHER_EMAIL
    teacher.save(update_fields=["full_name", "email"])
    accounts.invite_staff(
        school=world.school_b, email=TEACHER_EMAIL, role="teacher", invited_by=world.people["teacher_b"]
    )
    # The teacher: a proposal to the team (its notice names her), a practice, a comment, an event.
    leadership.open_proposal(
        school=world.school_a,
        proposer=teacher,
        title="A club for eTwinning",
        details="Once a week.",
        process="consent",
        closes_at=timezone.now() + timedelta(days=5),
    )
    practice = PracticeFactory(school=world.school_b, author=world.people["teacher_b"])
    practices.add_comment(practice=practice, author=teacher, body="We tried it in 6A.")
    practices.adapt_practice(practice=practice, school=world.school_a, by=teacher)
    event = EventFactory(school=world.school_a)
    past = timezone.now() - timedelta(days=2)
    session = SessionFactory(event=event, starts_at=past, ends_at=past + timedelta(hours=2))
    RegistrationFactory(event=event, name=TEACHER_NAME, email=TEACHER_EMAIL).attended.add(session)
    # The pupil: a team, an initiative the teacher answers, a suggestion.
    team = agency.create_team(
        school=world.school_a,
        name="Eco team",
        description="",
        coordinators=[world.people["teacher_a"]],
        members=[world.pupil_a],
        by=world.people["teacher_a"],
    )
    initiative = agency.propose_initiative(
        pupil=world.pupil_a.user,
        title="Show the TwinSpace",
        plan="In the hall.",
        audiences=[Audience.PARENTS.value],
        planned_on=timezone.localdate() + timedelta(days=10),
        team=team,
    )
    agency.moderate_initiative(
        initiative=initiative, decision="approve", note="Yes!", by=world.people["teacher_a"]
    )
    agency.submit_suggestion(school=world.school_a, author=world.pupil_a.user, text="Plants in class.")
    # A visitor with no account registers and is checked in.
    visitor = RegistrationFactory(event=event, name=REGISTRANT_NAME, email=REGISTRANT_EMAIL)
    visitor.attended.add(session)
    return visitor


def _rows_holding(markers: tuple[str, ...]) -> list[str]:
    """Every text, char and JSON column of every table, searched for each marker."""
    found = []
    for model in apps.get_models():
        columns = [field.attname for field in model._meta.concrete_fields if isinstance(field, TEXT_FIELDS)]
        if not columns:
            continue
        for row in model._default_manager.values_list("pk", *columns).iterator():
            for column, value in zip(columns, row[1:], strict=True):
                text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                found += [
                    f"{model._meta.label}.{column} (pk {row[0]}): {marker}"
                    for marker in markers
                    if marker.casefold() in (text or "").casefold()
                ]
    return found


def _erased_placeholders() -> tuple[str, ...]:
    placeholders = []
    for language in ("en", "ro", "ca"):
        with translation.override(language):
            placeholders.append(str(translation.gettext("Erased person")))
    return tuple(placeholders)


def test_erasing_a_pupil_a_teacher_and_a_registrant_leaves_their_names_and_addresses_nowhere(
    world: World,
) -> None:
    visitor = _leave_traces(world)
    assert _rows_holding(MARKERS)  # the search finds them before
    head = world.people["head_a"]
    accounts.erase_person(person=world.pupil_a.user, by=head)
    accounts.erase_person(person=User.objects.get(email=TEACHER_EMAIL), by=head)
    events.erase_registrant(registration=visitor, by=head)
    assert _rows_holding(MARKERS) == []


def test_erasure_stores_no_translated_placeholder_and_shows_one(world: World) -> None:
    teacher = world.people["teacher_a"]
    accounts.erase_person(person=teacher, by=world.people["head_a"])
    assert _rows_holding(_erased_placeholders()) == []
    teacher.refresh_from_db()
    assert (teacher.display_name, teacher.full_name, teacher.email) == ("", "", None)
    assert teacher.erased_at is not None
    with translation.override("ro"):
        assert teacher.public_name == translation.gettext("Erased person") != "Erased person"


def test_an_organiser_erases_a_registrant_and_it_is_audited_without_their_address(world: World) -> None:
    event = EventFactory(school=world.school_a)
    SessionFactory(event=event)
    visitor = RegistrationFactory(event=event, name=REGISTRANT_NAME, email=REGISTRANT_EMAIL)
    RegistrationFactory(event=EventFactory(school=world.school_a), email=REGISTRANT_EMAIL.upper())
    organiser = signed_in(world.people["teacher_a"])
    response = organiser.post(reverse("events:registration_erase", args=[visitor.pk]))
    assert response.status_code == 302
    assert not Registration.objects.filter(email__iexact=REGISTRANT_EMAIL).exists()
    assert _rows_holding((REGISTRANT_NAME, REGISTRANT_EMAIL)) == []


def test_national_staff_cannot_erase_a_registrant(world: World) -> None:
    visitor = RegistrationFactory(event=EventFactory(school=world.school_a))
    response = signed_in(world.people["nso_x"]).post(reverse("events:registration_erase", args=[visitor.pk]))
    assert response.status_code == 404
    assert Registration.objects.filter(pk=visitor.pk).exists()
