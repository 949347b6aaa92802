"""People choose how they hear of each kind of notification: at once, a daily or weekly digest
(in their language), or in the app only."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.clients import signed_in
from tests.conftest import World
from twinschools.core.models import OutgoingEmail
from twinschools.notifications import services
from twinschools.notifications.models import Delivery, Notification, NotificationPreference

pytestmark = pytest.mark.django_db

KIND = "leadership.review_due"
PARAMS = {"title": "Eticheta eSafety", "school": "Școala A"}


def _notify(user, callbacks, kind: str = KIND) -> None:
    with callbacks(execute=True):
        services.notify(recipients=[user], kind=kind, params=PARAMS, url="/")


def test_by_default_a_notification_is_e_mailed_at_once(
    world: World, django_capture_on_commit_callbacks
) -> None:
    _notify(world.people["head_a"], django_capture_on_commit_callbacks)
    assert [message.to for message in mail.outbox] == [["head_a@example.org"]]
    assert "/notifications/settings/" in mail.outbox[0].body
    assert Notification.objects.get().emailed_at is not None


def test_in_the_app_only_sends_no_e_mail_ever(world: World, django_capture_on_commit_callbacks) -> None:
    head = world.people["head_a"]
    services.set_preferences(user=head, choices={KIND: Delivery.APP_ONLY})
    _notify(head, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_digests(period="daily") == 0
    assert mail.outbox == [] and not OutgoingEmail.objects.exists()
    assert Notification.objects.filter(recipient=head).count() == 1


def test_a_daily_digest_gathers_the_days_notifications_in_the_readers_language_once(
    world: World, django_capture_on_commit_callbacks
) -> None:
    head = world.people["head_a"]
    head.language = "ro"
    head.save(update_fields=["language"])
    services.set_preferences(user=head, choices={KIND: Delivery.DAILY})
    _notify(head, django_capture_on_commit_callbacks)
    _notify(head, django_capture_on_commit_callbacks)
    _notify(head, django_capture_on_commit_callbacks, kind="leadership.proposal_reminder")  # still at once
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_digests(period="weekly") == 0
        assert services.send_digests(period="daily") == 1
    digest = mail.outbox[-1]
    assert digest.to == ["head_a@example.org"]
    assert digest.subject == "Rezumatul zilnic de la TwinSchools"
    assert digest.body.count("„Eticheta eSafety”") == 2
    assert "2 notificări" in digest.body
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_digests(period="daily") == 0
    assert len(mail.outbox) == 2


def test_a_weekly_digest_waits_for_the_weekly_run(world: World, django_capture_on_commit_callbacks) -> None:
    teacher = world.people["teacher_a"]
    services.set_preferences(user=teacher, choices={KIND: Delivery.WEEKLY})
    _notify(teacher, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_digests(period="daily") == 0
        assert services.send_digests(period="weekly") == 1
    assert mail.outbox[-1].subject == "Your weekly digest from TwinSchools"


def test_the_settings_page_saves_each_kinds_choice(world: World) -> None:
    head = world.people["head_a"]
    client = signed_in(head)
    page = client.get(reverse("notifications:settings"))
    assert page.status_code == 200 and "A decision is due for review" in page.content.decode()
    choices = {name: Delivery.AT_ONCE for name in page.context["form"].fields}
    choices[KIND] = Delivery.WEEKLY
    response = client.post(reverse("notifications:settings"), choices)
    assert response.status_code == 302
    assert list(NotificationPreference.objects.filter(user=head).values_list("kind", "delivery")) == [
        (KIND, Delivery.WEEKLY)
    ]
    # Back to "at once": no row kept.
    choices[KIND] = Delivery.AT_ONCE
    client.post(reverse("notifications:settings"), choices)
    assert not NotificationPreference.objects.filter(user=head).exists()


def test_a_made_up_choice_is_refused_with_a_message_not_an_error(world: World) -> None:
    client = signed_in(world.people["head_a"])
    response = client.post(reverse("notifications:settings"), {KIND: "hourly"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_a_pupil_has_nothing_to_choose_and_gets_no_e_mail(
    world: World, django_capture_on_commit_callbacks
) -> None:
    pupil = world.people["student_a"]
    page = signed_in(pupil).get(reverse("notifications:settings")).content.decode()
    assert "You have no e-mail address: your notifications stay in the app." in page
    _notify(pupil, django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_the_inbox_links_to_the_settings(world: World) -> None:
    client: Client = signed_in(world.people["teacher_a"])
    page = client.get(reverse("notifications:inbox")).content.decode()
    assert reverse("notifications:settings") in page


def _sections(client: Client) -> dict[str, list[str]]:
    form = client.get(reverse("notifications:settings")).context["form"]
    return {title: [field.name for field in fields] for title, fields in form.sections()}


def test_a_head_chooses_for_the_team_and_the_label_but_not_for_national_work(world: World) -> None:
    sections = _sections(signed_in(world.people["head_a"]))
    assert list(sections) == ["Your school's team", "Your school's eTwinning School label"]
    assert KIND in sections["Your school's team"]
    assert "evaluation.decided" in sections["Your school's eTwinning School label"]
    shown = {kind for kinds in sections.values() for kind in kinds}
    assert not shown & {"evaluation.assigned", "labels.review_asked"}


def test_national_staff_choose_only_for_national_work(world: World) -> None:
    sections = _sections(signed_in(world.people["nso_x"]))
    assert list(sections) == ["National support and evaluation"]
    assert set(sections["National support and evaluation"]) >= {"labels.review_asked", "evaluation.assigned"}


def test_saving_one_group_keeps_the_choices_of_the_others(world: World) -> None:
    nso = world.people["nso_x"]
    NotificationPreference.objects.create(user=nso, kind=KIND, delivery=Delivery.DAILY)
    client = signed_in(nso)
    choices = {
        name: Delivery.WEEKLY for name in client.get(reverse("notifications:settings")).context["form"].fields
    }
    assert client.post(reverse("notifications:settings"), choices).status_code == 302
    assert NotificationPreference.objects.get(user=nso, kind=KIND).delivery == Delivery.DAILY
    assert (
        NotificationPreference.objects.get(user=nso, kind="evaluation.assigned").delivery == Delivery.WEEKLY
    )
