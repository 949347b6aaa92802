"""The head invites a colleague, revokes, invites again; the colleague accepts."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.mail import EmailMessage
from django.urls import reverse
from playwright.sync_api import expect

from tests import factories
from tests.conftest import World
from tests.e2e.conftest import NewPage
from tests.e2e.helpers import at
from twinschools.accounts.models import Invitation, Membership, Role

pytestmark = pytest.mark.browser

COLLEAGUE = "new.colleague@example.org"


def invite(page: Any, email: str) -> None:
    form = page.get_by_role("region", name="Invite a colleague")
    form.get_by_label("E-mail address of your colleague").fill(email)
    form.get_by_label("Role").select_option(Role.TEACHER.value)
    with page.expect_navigation():
        form.get_by_role("button", name="Send the invitation").click()


def invitation_row(page: Any, email: str) -> Any:
    return page.get_by_role("table", name="Invitations").get_by_role("row").filter(has_text=email)


def accept_path(message: EmailMessage) -> str:
    """The accept link of an invitation e-mail, as a path on the live server."""
    found = re.search(r"https?://[^/\s]+(/invitations/accept/[^/\s]+/)", message.body)
    assert found, message.body
    return found.group(1)


def test_the_head_invites_revokes_and_invites_again_and_the_colleague_accepts_and_becomes_staff(
    world: World, new_page: NewPage, mailoutbox: list[EmailMessage]
) -> None:
    school = world.school_a
    head = new_page(user=world.people["head_a"])
    head.goto(reverse("accounts:team", args=[school.pk]))

    invite(head, COLLEAGUE)
    expect(head).to_have_url(at(reverse("accounts:team", args=[school.pk])))
    expect(head.get_by_role("status")).to_contain_text(
        f"The invitation to {COLLEAGUE} is queued: it will be e-mailed in a few moments."
    )
    expect(invitation_row(head, COLLEAGUE)).to_contain_text("Pending until")

    # Revoking cannot be undone: a dialog asks first, and going back changes nothing.
    head.get_by_role("button", name=f"Revoke the invitation to {COLLEAGUE}").click()
    dialog = head.get_by_role("dialog")
    expect(dialog).to_contain_text(f"Revoke the invitation to {COLLEAGUE}?")
    dialog.get_by_role("button", name="Go back").click()
    expect(dialog).to_be_hidden()
    expect(invitation_row(head, COLLEAGUE)).to_contain_text("Pending until")
    head.get_by_role("button", name=f"Revoke the invitation to {COLLEAGUE}").click()
    with head.expect_navigation():
        head.get_by_role("dialog").get_by_role("button", name="Revoke the invitation").click()
    expect(head.get_by_role("status")).to_contain_text(f"The invitation to {COLLEAGUE} was revoked.")
    expect(invitation_row(head, COLLEAGUE)).to_contain_text("Revoked")
    expect(head.get_by_role("button", name=f"Revoke the invitation to {COLLEAGUE}")).to_have_count(0)

    invite(head, COLLEAGUE)
    expect(invitation_row(head, COLLEAGUE)).to_have_count(2)
    expect(invitation_row(head, COLLEAGUE).filter(has_text="Pending until")).to_have_count(1)

    # The live server runs in this process: locmem's outbox holds both e-mails.
    assert [message.to for message in mailoutbox] == [[COLLEAGUE], [COLLEAGUE]]
    revoked_link, live_link = (accept_path(message) for message in mailoutbox)
    pending = Invitation.objects.get(school=school, email=COLLEAGUE, revoked_at__isnull=True)
    assert live_link == reverse("accounts:accept_invitation", args=[pending.token])

    # The colleague has an account with that address and signs in in another browser context.
    colleague = factories.UserFactory(email=COLLEAGUE, full_name="New Colleague")
    page = new_page(user=colleague)
    page.goto(revoked_link)
    expect(page.get_by_role("main")).to_contain_text("This invitation was revoked.")
    expect(page.get_by_role("button", name="Accept the invitation")).to_have_count(0)

    page.goto(live_link)
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Invitation to join {school.name}")
    with page.expect_navigation():
        page.get_by_role("button", name="Accept the invitation").click()
    expect(page).to_have_url(at(reverse("network:school", args=[school.pk])))
    expect(page.get_by_role("status")).to_contain_text(f"Welcome to {school.name}.")
    expect(page.get_by_role("table", name="Staff of this school")).to_contain_text("New Colleague")
    assert Membership.objects.filter(
        user=colleague, school=school, role=Role.TEACHER, ended_on__isnull=True
    ).exists()

    head.reload()
    expect(head.get_by_role("table", name="Staff", exact=True)).to_contain_text(COLLEAGUE)
    expect(invitation_row(head, COLLEAGUE).filter(has_text="Accepted on")).to_have_count(1)


def test_an_invitation_cannot_be_accepted_with_another_address(world: World, new_page: NewPage) -> None:
    page = new_page(user=world.people["teacher_b"])
    page.goto(reverse("accounts:accept_invitation", args=[world.invitation_a.token]))
    with page.expect_navigation():
        page.get_by_role("button", name="Accept the invitation").click()
    expect(page.get_by_role("status")).to_contain_text("This invitation was sent to another e-mail address.")
    assert not Membership.objects.filter(user=world.people["teacher_b"], school=world.school_a).exists()
