from __future__ import annotations

import datetime

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.clients import signed_in
from tests.conftest import World
from twinschools.accounts.models import Invitation, Membership, Role


def test_a_head_invites_a_colleague_by_email_and_the_colleague_joins(
    world: World, django_capture_on_commit_callbacks
) -> None:
    head = signed_in(world.people["head_a"])
    with django_capture_on_commit_callbacks(execute=True):
        response = head.post(
            reverse("accounts:invite", args=[world.school_a.pk]),
            {"email": "New.Colleague@Example.org", "role": "teacher"},
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="new.colleague@example.org")
    assert len(mail.outbox) == 1
    assert invitation.token in mail.outbox[0].body
    colleague = factories.UserFactory(email="new.colleague@example.org")
    accept_url = reverse("accounts:accept_invitation", args=[invitation.token])
    assert signed_in(colleague).post(accept_url).status_code == 302
    assert Membership.objects.filter(user=colleague, school=world.school_a, role=Role.TEACHER).exists()


def test_an_invitation_for_another_address_cannot_be_accepted(world: World) -> None:
    response = signed_in(world.people["teacher_b"]).post(
        reverse("accounts:accept_invitation", args=[world.invitation_a.token]), follow=True
    )
    assert "sent to another e-mail address" in response.content.decode()
    assert not Membership.objects.filter(user=world.people["teacher_b"], school=world.school_a).exists()


def test_an_expired_invitation_is_refused_with_a_reason(world: World) -> None:
    world.invitation_a.expires_at = timezone.now() - datetime.timedelta(minutes=1)
    world.invitation_a.save()
    invitee = factories.UserFactory(email=world.invitation_a.email)
    response = signed_in(invitee).post(
        reverse("accounts:accept_invitation", args=[world.invitation_a.token]), follow=True
    )
    assert "This invitation has expired" in response.content.decode()
    assert not Membership.objects.filter(user=invitee).exists()


def test_a_revoked_invitation_can_no_longer_be_accepted(world: World) -> None:
    signed_in(world.people["head_a"]).post(
        reverse("accounts:revoke_invitation", args=[world.invitation_a.pk])
    )
    world.invitation_a.refresh_from_db()
    assert world.invitation_a.revoked_at is not None
    invitee = factories.UserFactory(email=world.invitation_a.email)
    response = signed_in(invitee).post(
        reverse("accounts:accept_invitation", args=[world.invitation_a.token]), follow=True
    )
    assert "This invitation was revoked" in response.content.decode()


def test_a_second_invitation_to_a_pending_address_is_refused_and_the_form_is_kept(world: World) -> None:
    response = signed_in(world.people["head_a"]).post(
        reverse("accounts:invite", args=[world.school_a.pk]),
        {"email": world.invitation_a.email, "role": "teacher"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "already pending" in page
    assert f'value="{world.invitation_a.email}"' in page


def test_a_bad_address_gets_a_field_error(world: World) -> None:
    response = signed_in(world.people["head_a"]).post(
        reverse("accounts:invite", args=[world.school_a.pk]), {"email": "not-an-address", "role": "teacher"}
    )
    assert response.status_code == 400
    assert "Enter a valid email address" in response.content.decode()
