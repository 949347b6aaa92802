from __future__ import annotations

import json
import re

from django.test import Client
from django.urls import reverse

from tests import factories
from tests.clients import signed_in
from tests.conftest import World
from twinschools.accounts.models import StudentProfile, User
from twinschools.network.models import Activity


def test_a_teacher_adds_a_pupil_who_then_signs_in_with_class_code_and_pin(world: World) -> None:
    response = signed_in(world.people["teacher_a"]).post(
        reverse("accounts:class", args=[world.class_a.pk]),
        {"display_name": "Mihai", "parental_consent": "on"},
    )
    pin = re.search(r"Their PIN is <strong>(\d{6})</strong>", response.content.decode()).group(1)
    pupil = User.objects.get(display_name="Mihai")
    assert pupil.email is None
    assert pupil.student.parental_consent is True
    pupil_client = Client()
    response = pupil_client.post(
        reverse("accounts:student_login"), {"code": "sevenb", "display_name": "mihai", "pin": pin}
    )
    assert response.status_code == 302
    assert pupil_client.get(reverse("accounts:dashboard")).context["user"] == pupil


def test_a_wrong_pin_is_refused_and_repeated_guesses_are_throttled(world: World) -> None:
    client = Client()
    for _ in range(10):
        response = client.post(
            reverse("accounts:student_login"), {"code": "SEVENB", "display_name": "Zorella", "pin": "000000"}
        )
        assert "is not right" in response.content.decode()
    response = client.post(
        reverse("accounts:student_login"), {"code": "SEVENB", "display_name": "Zorella", "pin": "123456"}
    )
    assert "Too many attempts" in response.content.decode()


def test_two_pupils_of_one_class_cannot_share_a_display_name(world: World) -> None:
    response = signed_in(world.people["teacher_a"]).post(
        reverse("accounts:class", args=[world.class_a.pk]), {"display_name": "zorella"}
    )
    assert response.status_code == 400
    assert "already uses this display name" in response.content.decode()


def test_a_head_exports_everything_held_about_a_teacher(world: World) -> None:
    factories.ActivityFactory(
        teacher=world.people["teacher_a"], school=world.school_a, title="eSafety workshop"
    )
    response = signed_in(world.people["head_a"]).get(
        reverse("accounts:export_person", args=[world.people["teacher_a"].pk]) + "?format=json"
    )
    data = json.loads(response.content)
    assert data["person"]["email"] == "teacher_a@example.org"
    assert data["activities"][0]["title"] == "eSafety workshop"
    assert data["memberships"][0]["role"] == "teacher"


def test_erasing_a_teacher_anonymises_them_and_keeps_the_schools_records(world: World) -> None:
    teacher = world.people["teacher_a"]
    factories.ActivityFactory(teacher=teacher, school=world.school_a)
    signed_in(world.people["head_a"]).post(reverse("accounts:erase_person", args=[teacher.pk]))
    teacher.refresh_from_db()
    assert (teacher.email, teacher.full_name, teacher.is_active) == (None, "", False)
    assert not teacher.has_usable_password()
    assert Activity.objects.filter(teacher=teacher, school=world.school_a).count() == 1


def test_erasing_a_pupil_deletes_them(world: World) -> None:
    pupil = world.people["student_a"]
    signed_in(world.people["head_a"]).post(reverse("accounts:erase_person", args=[pupil.pk]))
    assert not User.objects.filter(pk=pupil.pk).exists()
    assert not StudentProfile.objects.filter(pk=world.pupil_a.pk).exists()


def test_a_head_of_another_school_cannot_export_a_teacher(world: World) -> None:
    other_head = factories.MembershipFactory(school=world.school_b, role="head").user
    response = signed_in(other_head).get(
        reverse("accounts:export_person", args=[world.people["teacher_a"].pk]) + "?format=json"
    )
    assert response.status_code == 404
