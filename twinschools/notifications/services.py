"""Writes about notifications: create them (and queue their e-mails), mark them read, choose
how each kind is delivered, and send the digests.

Every function is keyword-only, owns its transaction and leaves an audit event.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from twinschools.accounts.models import User
from twinschools.core import audit, mail
from twinschools.core.site import absolute
from twinschools.notifications.kinds import known_kinds, render
from twinschools.notifications.models import DIGESTS, Delivery, Notification, NotificationPreference


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
    """One notification per recipient; each is e-mailed as its recipient chose (route_emails)."""
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
    route_emails(notification_ids=[notification.pk for notification in created])
    return created


@transaction.atomic
def route_emails(*, notification_ids: list[int]) -> int:
    """In the caller's transaction: queue in the outbox the e-mail of each notification whose
    recipient wants it at once, and mark the others for their recipient's daily or weekly
    digest. People without an address (pupils) and "in the app only" get no e-mail.
    Answers how many e-mails were queued."""
    pending = list(
        Notification.objects.filter(pk__in=notification_ids, emailed_at__isnull=True, digest="")
        .exclude(recipient__email__isnull=True)
        .exclude(recipient__email="")
        .select_related("recipient", "school")
        .order_by("pk")
    )
    if not pending:
        return 0
    chosen = {
        (user_id, kind): delivery
        for user_id, kind, delivery in NotificationPreference.objects.filter(
            user_id__in={n.recipient_id for n in pending}, kind__in={n.kind for n in pending}
        ).values_list("user_id", "kind", "delivery")
    }
    now = timezone.now()
    mailed: list[int] = []
    for notification in pending:
        delivery = chosen.get((notification.recipient_id, notification.kind), Delivery.AT_ONCE)
        if delivery in DIGESTS:
            Notification.objects.filter(pk=notification.pk).update(digest=delivery)
        elif delivery == Delivery.AT_ONCE:
            _queue_one(notification)
            mailed.append(notification.pk)
    Notification.objects.filter(pk__in=mailed).update(emailed_at=now)
    return len(mailed)


def _queue_one(notification: Notification) -> None:
    recipient = notification.recipient
    language = recipient.language or settings.LANGUAGE_CODE
    with translation.override(language):
        message = render(notification.kind, notification.params)
        body = render_to_string(
            "notifications/email/notification.txt",
            {
                "notification": notification,
                "message": message,
                "link": absolute(notification.url) if notification.url else "",
                "inbox": absolute(reverse("notifications:inbox")),
                "settings": absolute(reverse("notifications:settings")),
            },
        )
    subject = message if len(message) <= 150 else message[:147] + "…"
    mail.queue(
        to=str(recipient.email),
        subject=subject,
        body=body,
        language=language,
        key=f"notification:{notification.pk}",
    )


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


# Each person's choices, and the digests -----------------------------------------------------


@transaction.atomic
def set_preferences(*, user: User, choices: dict[str, str]) -> None:
    """Keep how `user` wants each kind delivered; "at once" is the default and keeps no row."""
    if not user.email:
        raise ValidationError(_("You have no e-mail address: your notifications stay in the app."))
    known = set(known_kinds())
    for kind, delivery in choices.items():
        if kind not in known or delivery not in Delivery.values:
            raise ValidationError(_("Choose one of the offered ways for each kind of notification."))
        if delivery == Delivery.AT_ONCE:
            NotificationPreference.objects.filter(user=user, kind=kind).delete()
        else:
            NotificationPreference.objects.update_or_create(
                user=user, kind=kind, defaults={"delivery": delivery}
            )
    audit.record(
        actor=user,
        action="notifications.preferences.changed",
        target=user,
        data={
            delivery: sum(1 for chosen in choices.values() if chosen == delivery)
            for delivery in Delivery.values
        },
    )


def send_digests(*, period: str, now: datetime | None = None) -> int:
    """Queue each person's daily or weekly digest of the notifications waiting for it, in their
    language; safe to run again (a notification is in one digest only). Answers how many."""
    if period not in DIGESTS:
        raise ValueError(period)
    now = now or timezone.now()
    waiting = Notification.objects.filter(digest=period, emailed_at__isnull=True)
    people = sorted(set(waiting.values_list("recipient_id", flat=True)))
    queued = 0
    for user_id in people:
        with transaction.atomic():
            notices = list(
                waiting.filter(recipient_id=user_id, created_at__lte=now)
                .select_for_update(of=("self",))
                .select_related("recipient")
                .order_by("created_at", "pk")
            )
            if not notices:
                continue
            if notices[0].recipient.email and notices[0].recipient.is_active:
                _queue_digest(period, notices)
                queued += 1
            Notification.objects.filter(pk__in=[n.pk for n in notices]).update(emailed_at=now)
    return queued


def _queue_digest(period: str, notices: list[Notification]) -> None:
    recipient = notices[0].recipient
    language = recipient.language or settings.LANGUAGE_CODE
    with translation.override(language):
        items = [
            {
                "message": render(n.kind, n.params),
                "link": absolute(n.url) if n.url else "",
                "at": n.created_at,
            }
            for n in notices
        ]
        subject = (
            _("Your daily digest from TwinSchools")
            if period == Delivery.DAILY
            else _("Your weekly digest from TwinSchools")
        )
        body = render_to_string(
            "notifications/email/digest.txt",
            {
                "items": items,
                "count": len(items),
                "period": period,
                "inbox": absolute(reverse("notifications:inbox")),
                "settings": absolute(reverse("notifications:settings")),
            },
        )
    mail.queue(
        to=str(recipient.email),
        subject=subject,
        body=body,
        language=language,
        key=f"digest:{period}:{recipient.pk}:{notices[-1].pk}",
    )
