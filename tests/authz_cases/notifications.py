"""Everybody reaches their own inbox; nobody marks another person's notifications."""

from __future__ import annotations

from django.urls import reverse

from tests.authz import SIGNED_IN, Case, only
from tests.conftest import ROLES, World
from twinschools.notifications.models import Notification


def _notification_of_team_a(w: World) -> int:
    return Notification.objects.create(
        recipient=w.people["team_a"], kind="leadership.review_due", params={}
    ).pk


CASES = [
    Case("notifications:inbox", lambda w: reverse("notifications:inbox"), SIGNED_IN),
    Case("notifications:unread_badge", lambda w: reverse("notifications:unread_badge"), SIGNED_IN),
    Case(
        "notifications:mark_read",
        lambda w: reverse("notifications:mark_read", args=[_notification_of_team_a(w)]),
        only({"team_a": 302}, others=404),
        method="post",
    ),
    Case(
        "notifications:mark_all_read",
        lambda w: reverse("notifications:mark_all_read"),
        dict.fromkeys(ROLES, 302),
        method="post",
    ),
    Case("notifications:settings", lambda w: reverse("notifications:settings"), SIGNED_IN),
    Case("notifications:settings", lambda w: reverse("notifications:settings"), SIGNED_IN, method="post"),
]
