"""Notifications: in the reader's language, mailed once, and the hourly job sends each notice once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from tests.clients import signed_in
from tests.conftest import World
from tests.leadership.factories import open_proposal, team_teacher
from twinschools.leadership import services
from twinschools.leadership.models import Choice, Proposal, Result, Status
from twinschools.notifications.models import Notification

pytestmark = pytest.mark.django_db(transaction=False)


def kinds_of(user) -> list[str]:
    return list(Notification.objects.filter(recipient=user).order_by("pk").values_list("kind", flat=True))


def test_opening_a_proposal_notifies_the_other_voters_in_app_and_by_e_mail_in_their_language(
    world: World, django_capture_on_commit_callbacks
) -> None:
    head = world.people["head_a"]
    head.language = "ro"
    head.save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        open_proposal(world.school_a, world.people["team_a"], title="Eticheta eSafety")
    assert kinds_of(head) == ["leadership.proposal_opened"]
    assert kinds_of(world.people["team_a"]) == []
    assert kinds_of(world.people["teacher_a"]) == []
    assert [message.to for message in mail.outbox] == [["head_a@example.org"]]
    message = mail.outbox[0]
    assert "a deschis propunerea „Eticheta eSafety”" in message.subject
    assert "/workspace/proposals/" in message.body


def test_a_notification_reads_in_the_language_of_whoever_reads_it(world: World) -> None:
    proposal = open_proposal(world.school_a, world.people["team_a"], title="Garden")
    notice = Notification.objects.get(recipient=world.people["head_a"])
    with translation.override("en"):
        assert notice.message.startswith("Team A opened the proposal “Garden”")
    with translation.override("ca"):
        assert "ha obert la proposta «Garden»" in notice.message
    assert notice.url == reverse("leadership:proposal", args=[proposal.pk])


def test_pupils_without_e_mail_get_in_app_notices_only(
    world: World, django_capture_on_commit_callbacks
) -> None:
    from twinschools.notifications.services import notify

    with django_capture_on_commit_callbacks(execute=True):
        notify(
            recipients=[world.people["student_a"]],
            kind="leadership.review_due",
            params={"title": "x", "school": "y"},
            url="/",
        )
    assert kinds_of(world.people["student_a"]) == ["leadership.review_due"]
    assert mail.outbox == []


def test_the_reminder_goes_once_a_day_before_closing_to_those_without_a_position(world: World) -> None:
    head, member = world.people["head_a"], world.people["team_a"]
    third = team_teacher(world.school_a)
    proposal = open_proposal(world.school_a, member, closes_at=timezone.now() + timedelta(hours=30))
    services.take_position(proposal=proposal, voter=head, choice=Choice.CONSENT)
    assert services.send_due_notifications().reminded == 0
    later = timezone.now() + timedelta(hours=7)
    assert services.send_due_notifications(now=later).reminded == 1
    assert services.send_due_notifications(now=later + timedelta(hours=1)).reminded == 0
    reminded = Notification.objects.filter(kind="leadership.proposal_reminder")
    assert {notice.recipient for notice in reminded} == {member, third}


def test_the_job_closes_due_proposals_once_and_tells_every_voter(world: World) -> None:
    member = world.people["team_a"]
    proposal = open_proposal(world.school_a, member, closes_at=timezone.now() + timedelta(hours=2))
    after = timezone.now() + timedelta(hours=3)
    first = services.send_due_notifications(now=after)
    again = services.send_due_notifications(now=after)
    proposal.refresh_from_db()
    assert (first.closed, again.closed) == (1, 0)
    assert proposal.status == Status.CLOSED and proposal.result == Result.PASSED
    closed = Notification.objects.filter(kind="leadership.proposal_closed")
    assert {notice.recipient for notice in closed} == {member, world.people["head_a"]}
    with translation.override("en"):
        assert "Result: Adopted." in closed[0].message


def test_the_review_notice_goes_once_to_the_responsible_people_and_the_proposer(world: World) -> None:
    member, head = world.people["team_a"], world.people["head_a"]
    proposal = open_proposal(world.school_a, member)
    services.close_proposal(proposal=proposal, by=member)
    services.record_outcome(
        proposal=proposal,
        statement="We apply",
        responsible=[world.people["teacher_a"]],
        review_on=timezone.localdate() + timedelta(days=2),
        by=member,
    )
    assert services.send_due_notifications().reviews == 0
    in_three_days = timezone.now() + timedelta(days=3)
    assert services.send_due_notifications(now=in_three_days).reviews == 1
    assert services.send_due_notifications(now=in_three_days).reviews == 0
    reviewed = Notification.objects.filter(kind="leadership.review_due")
    assert {notice.recipient for notice in reviewed} == {world.people["teacher_a"], member}
    assert head not in {notice.recipient for notice in reviewed}


def test_the_management_command_runs_the_same_job(world: World) -> None:
    from io import StringIO

    from django.core.management import call_command

    open_proposal(world.school_a, world.people["team_a"])
    Proposal.objects.update(closes_at=timezone.now() - timedelta(minutes=5))
    out = StringIO()
    call_command("send_due_notifications", stdout=out)
    assert "closed=1" in out.getvalue()


def test_the_inbox_shows_the_unread_count_and_marks_one_or_all_read(world: World) -> None:
    member = world.people["team_a"]
    for title in ("One", "Two", "Three"):
        open_proposal(world.school_a, world.people["head_a"], title=title)
    client = signed_in(member)
    response = client.get(reverse("notifications:inbox"))
    assert "You have 3 unread notifications." in response.content.decode()
    first = Notification.objects.filter(recipient=member).first()
    response = client.post(reverse("notifications:mark_read", args=[first.pk]), {"open": "1"})
    assert response.url == first.url
    assert Notification.objects.filter(recipient=member, read_at__isnull=True).count() == 2
    client.post(reverse("notifications:mark_all_read"))
    assert not Notification.objects.filter(recipient=member, read_at__isnull=True).exists()


def test_nobody_marks_another_persons_notification(world: World) -> None:
    open_proposal(world.school_a, world.people["team_a"])
    notice = Notification.objects.get(recipient=world.people["head_a"])
    response = signed_in(world.people["admin"]).post(reverse("notifications:mark_read", args=[notice.pk]))
    assert response.status_code == 404
    notice.refresh_from_db()
    assert notice.read_at is None


@pytest.mark.parametrize("count", [1, 25])
def test_the_inbox_costs_the_same_queries_for_one_or_many_notifications(
    world: World, count: int, django_assert_num_queries
) -> None:
    member = world.people["team_a"]
    Notification.objects.bulk_create(
        [
            Notification(
                recipient=member,
                kind="leadership.review_due",
                params={"title": f"T{n}", "school": "A"},
                school=world.school_a,
                url="/",
            )
            for n in range(count)
        ]
    )
    client = signed_in(member)
    client.get(reverse("notifications:inbox"))  # warm the session
    with django_assert_num_queries(5):
        response = client.get(reverse("notifications:inbox"))
    assert response.status_code == 200


def test_signed_in_people_find_the_inbox_in_the_header_and_visitors_do_not(world: World) -> None:
    inbox = reverse("notifications:inbox")
    assert inbox in signed_in(world.people["teacher_b"]).get(reverse("core:home")).content.decode()
    assert inbox not in Client().get(reverse("core:home")).content.decode()
