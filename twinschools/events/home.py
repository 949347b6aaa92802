"""The school's events on a staff member's home page: registrations to approve, today's check-in."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django.db.models import Count, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from twinschools.accounts.home import WARNING, Contribution, Item, ItemList, Todo
from twinschools.accounts.models import STAFF_ROLES
from twinschools.core.authz import Roles
from twinschools.events.models import EventStatus, Registration, RegistrationStatus, Session


def _today(now: datetime) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(timezone.localdate(now), time.min))
    return start, start + timedelta(days=1)


def todos(*, user: Any, roles: Roles, now: datetime) -> list[Contribution]:
    staff = roles.schools_with(*STAFF_ROLES)
    if not staff:
        return []
    to_approve = {
        row["event__school_id"]: (row["n"], row["events"], row["first"])
        for row in Registration.objects.filter(
            event__school_id__in=staff,
            status=RegistrationStatus.AWAITING_APPROVAL,
            event__status=EventStatus.PUBLISHED,
        )
        .values("event__school_id")
        .annotate(n=Count("pk"), events=Count("event_id", distinct=True), first=Min("event_id"))
        .order_by()
    }
    start, end = _today(now)
    sessions = list(
        Session.objects.filter(
            event__school_id__in=staff,
            event__status=EventStatus.PUBLISHED,
            starts_at__lt=end,
            ends_at__gte=start,
        )
        .select_related("event")
        .order_by("starts_at", "pk")
    )
    contributions = []
    for school_id in staff:
        count, events, first = to_approve.get(school_id, (0, 0, 0))
        # One event waiting: straight to its page; several: the school's list of events.
        approve_url = (
            reverse("events:event_manage", args=[first])
            if events == 1
            else reverse("events:school_events", args=[school_id])
        )
        todays = [s for s in sessions if s.event.school_id == school_id]
        checkin_url = (
            reverse("events:checkin", args=[todays[0].pk])
            if len(todays) == 1
            else reverse("events:school_events", args=[school_id])
        )
        cards = (
            Todo(
                "events.approve",
                _("Registrations to approve"),
                count,
                approve_url,
                "person-check",
                WARNING,
                50,
            ),
            Todo(
                "events.checkin",
                _("Event sessions today: check-in"),
                len(todays),
                checkin_url,
                "qr-code-scan",
                order=51,
            ),
        )
        items = tuple(
            Item(s.event.title, reverse("events:checkin", args=[s.pk]), s.starts_at, _("check-in"))
            for s in todays
        )
        lists = (ItemList("events.today", _("Today's check-in"), items, 50),) if items else ()
        contributions.append(Contribution(f"school:{school_id}", cards=cards, lists=lists))
    return contributions
