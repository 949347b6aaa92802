"""Writes about notifications: create them (and mail them), mark them read.

Every function is keyword-only, owns its transaction and leaves an audit event.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from twinschools.accounts.models import User
from twinschools.core import audit
from twinschools.core.site import absolute
from twinschools.notifications import tasks
from twinschools.notifications.kinds import render
from twinschools.notifications.models import Notification


@transaction.atomic
def notify(
    *,
    recipients: Iterable[User],
    kind: str,
    params: dict[str, Any],
    url: str,
    school: Any = None,
    target: str = "",
) -> list[Notification]:
    """One notification per recipient; those with an e-mail address get it mailed after commit."""
    unique = {user.pk: user for user in recipients if user.is_active}
    created = Notification.objects.bulk_create(
        [
            Notification(recipient=user, kind=kind, params=params, school=school, target=target, url=url)
            for user in unique.values()
        ]
    )
    audit.record(
        actor=None,
        action="notifications.notification.sent",
        school=school,
        data={"kind": kind, "about": target, "recipients": len(created)},
    )
    mailed = [notification.pk for notification in created if notification.recipient.email]
    if mailed:
        transaction.on_commit(lambda: tasks.send_notification_emails.delay(notification_ids=mailed))
    return created


def send_notification_emails(*, notification_ids: list[int]) -> int:
    """Mail each notification once, in its recipient's language (run by a Celery task)."""
    pending = Notification.objects.filter(
        pk__in=notification_ids, emailed_at__isnull=True, recipient__email__isnull=False
    ).select_related("recipient", "school")
    sent = 0
    for notification in pending:
        _mail_one(notification)
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
        sent += 1
    return sent


def _mail_one(notification: Notification) -> None:
    recipient = notification.recipient
    if not recipient.email:
        return
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        message = render(notification.kind, notification.params)
        body = render_to_string(
            "notifications/email/notification.txt",
            {
                "notification": notification,
                "message": message,
                "link": absolute(notification.url) if notification.url else "",
                "inbox": absolute(reverse("notifications:inbox")),
            },
        )
    subject = message if len(message) <= 150 else message[:147] + "…"
    send_mail(subject, body, None, [recipient.email])


@transaction.atomic
def mark_read(*, notification: Notification, by: User) -> None:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
        audit.record(actor=by, action="notifications.notification.read", target=notification)


@transaction.atomic
def mark_all_read(*, user: User) -> int:
    count = Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())
    if count:
        audit.record(actor=user, action="notifications.notification.read_all", data={"count": count})
    return count
