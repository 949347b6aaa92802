"""Pupils are minors: they sign in only with a parent's consent, and a lost PIN is replaced."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse

from tests.clients import signed_in
from tests.conftest import World
from twinschools.accounts.models import StudentProfile, User
from twinschools.core.models import AuditEvent


def _add_pupil(world: World, name: str, *, consent: bool) -> tuple[User, str]:
    data = {"display_name": name, **({"parental_consent": "on"} if consent else {})}
    response = signed_in(world.people["teacher_a"]).post(
        reverse("accounts:class", args=[world.class_a.pk]), data
    )
    pin = re.search(r"Their PIN is <strong>(\d{6})</strong>", response.content.decode()).group(1)
    return User.objects.get(display_name=name), pin


def _known_pin(world: World) -> None:
    world.pupil_a.user.set_password("123456")
    world.pupil_a.user.save(update_fields=["password"])


def _sign_in(name: str, pin: str) -> tuple[Client, str, int]:
    client = Client()
    response = client.post(
        reverse("accounts:student_login"), {"code": "SEVENB", "display_name": name, "pin": pin}
    )
    return client, response.content.decode(), response.status_code


def test_a_pupil_without_consent_gets_a_pin_but_cannot_sign_in(world: World) -> None:
    pupil, pin = _add_pupil(world, "Mihai", consent=False)
    assert pupil.student.parental_consent is False
    client, page, status = _sign_in("Mihai", pin)
    assert status == 400
    assert "a parent has not given their consent" in page
    assert "_auth_user_id" not in client.session


def test_the_refusal_without_consent_is_translated(world: World) -> None:
    _pupil, pin = _add_pupil(world, "Mihai", consent=False)
    client = Client()
    response = client.post(
        reverse("accounts:student_login"),
        {"code": "SEVENB", "display_name": "Mihai", "pin": pin},
        HTTP_ACCEPT_LANGUAGE="ro",
    )
    assert "consimțământ" in response.content.decode()


def test_the_class_page_shows_who_is_waiting_for_consent(world: World) -> None:
    _add_pupil(world, "Mihai", consent=False)
    page = signed_in(world.people["teacher_a"]).get(reverse("accounts:class", args=[world.class_a.pk]))
    waiting = page.context["waiting"]
    assert [student.user.display_name for student in waiting] == ["Mihai"]
    assert "Waiting for parental consent" in page.content.decode()


def test_a_parent_gives_consent_in_their_account_and_the_pupil_can_sign_in(world: World) -> None:
    pupil, pin = _add_pupil(world, "Mihai", consent=False)
    pupil.student.guardians.add(world.people["parent_a"])
    parent = signed_in(world.people["parent_a"])
    assert "I give my consent for Mihai" in parent.get(reverse("agency:parent_home")).content.decode()
    response = parent.post(reverse("accounts:record_consent", args=[pupil.student.pk]), {"given": "yes"})
    assert response.status_code == 302 and response.url == reverse("agency:parent_home")
    pupil.student.refresh_from_db()
    assert pupil.student.parental_consent is True
    _client, _page, status = _sign_in("Mihai", pin)
    assert status == 302
    event = AuditEvent.objects.get(action="accounts.student.consent_given")
    assert (event.actor, event.target_type, event.target_id) == (
        world.people["parent_a"],
        "accounts.user",
        str(pupil.pk),
    )


def test_the_head_records_consent_from_the_class_page(world: World) -> None:
    pupil, pin = _add_pupil(world, "Mihai", consent=False)
    head = signed_in(world.people["head_a"])
    assert (
        "Record a parent's consent for Mihai"
        in head.get(reverse("accounts:class", args=[world.class_a.pk])).content.decode()
    )
    response = head.post(reverse("accounts:record_consent", args=[pupil.student.pk]), {"given": "yes"})
    assert response.url == reverse("accounts:class", args=[world.class_a.pk])
    assert _sign_in("Mihai", pin)[2] == 302


def test_a_teacher_or_another_parent_cannot_record_consent(world: World) -> None:
    pupil, _pin = _add_pupil(world, "Mihai", consent=False)
    for role in ("teacher_a", "parent_a", "teacher_b", "nso_x"):
        response = signed_in(world.people[role]).post(
            reverse("accounts:record_consent", args=[pupil.student.pk]), {"given": "yes"}
        )
        assert response.status_code == 404, role
    assert not StudentProfile.objects.get(user=pupil).parental_consent


def test_a_parent_who_withdraws_consent_stops_the_next_sign_in(world: World) -> None:
    _known_pin(world)
    assert _sign_in("Zorella", "123456")[2] == 302
    signed_in(world.people["parent_a"]).post(
        reverse("accounts:record_consent", args=[world.pupil_a.pk]), {"given": "no"}
    )
    world.pupil_a.refresh_from_db()
    assert world.pupil_a.parental_consent is False
    assert _sign_in("Zorella", "123456")[2] == 400
    assert AuditEvent.objects.filter(action="accounts.student.consent_withdrawn").exists()


def test_a_teacher_gives_a_pupil_a_new_pin_shown_once_and_the_old_one_stops_working(world: World) -> None:
    _known_pin(world)
    assert _sign_in("Zorella", "123456")[2] == 302
    teacher = signed_in(world.people["teacher_a"])
    response = teacher.post(reverse("accounts:reset_pin", args=[world.pupil_a.pk]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    page = response.content.decode()
    new_pin = re.search(r"has a new PIN: <strong>(\d{6})</strong>", page).group(1)
    assert _sign_in("Zorella", "123456")[2] == 400  # the old PIN is refused
    assert _sign_in("Zorella", new_pin)[2] == 302
    again = teacher.get(reverse("accounts:class", args=[world.class_a.pk])).content.decode()
    assert new_pin not in again
    event = AuditEvent.objects.get(action="accounts.student.pin_reset")
    assert (event.actor, event.school, event.target_id) == (
        world.people["teacher_a"],
        world.school_a,
        str(world.people["student_a"].pk),
    )


def test_a_new_pin_ends_the_pupils_open_sessions(world: World) -> None:
    pupil = signed_in(world.people["student_a"])
    assert pupil.get(reverse("agency:student_home")).status_code == 200
    signed_in(world.people["head_a"]).post(reverse("accounts:reset_pin", args=[world.pupil_a.pk]))
    assert pupil.get(reverse("agency:student_home")).status_code == 302


def test_only_staff_of_the_pupils_school_can_reset_a_pin(world: World) -> None:
    _known_pin(world)
    for role in ("parent_a", "student_a", "teacher_b", "nso_x"):
        response = signed_in(world.people[role]).post(reverse("accounts:reset_pin", args=[world.pupil_a.pk]))
        assert response.status_code == 404, role
    assert _sign_in("Zorella", "123456")[2] == 302
    assert not AuditEvent.objects.filter(action="accounts.student.pin_reset").exists()


def test_the_parents_home_page_asks_for_the_consent_a_child_waits_for(world: World) -> None:
    parent = signed_in(world.people["parent_a"])
    assert "waiting for your consent" not in parent.get(reverse("accounts:dashboard")).content.decode()
    world.pupil_a.parental_consent = False
    world.pupil_a.save(update_fields=["parental_consent"])
    assert (
        "Children waiting for your consent to sign in"
        in parent.get(reverse("accounts:dashboard")).content.decode()
    )
