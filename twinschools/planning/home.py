"""The action-plan steps a person owns that are due soon or overdue, for their home page."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from twinschools.accounts.home import DANGER, WARNING, Contribution, Item, ItemList, Todo
from twinschools.accounts.models import STAFF_ROLES
from twinschools.core.authz import Roles
from twinschools.planning.models import OPEN_STATUSES, Action

DUE_SOON = timedelta(days=14)
LISTED = 5


def todos(*, user: Any, roles: Roles, now: datetime) -> list[Contribution]:
    staff = roles.schools_with(*STAFF_ROLES)
    if not staff:
        return []
    today = timezone.localdate(now)
    mine = Action.objects.filter(
        school_id__in=staff, owners=user, status__in=OPEN_STATUSES, ends_on__lte=today + DUE_SOON
    )
    counts = {
        row["school_id"]: row
        for row in mine.values("school_id")
        .annotate(
            overdue=Count("pk", filter=Q(ends_on__lt=today)), soon=Count("pk", filter=Q(ends_on__gte=today))
        )
        .order_by()
    }
    latest = list(mine.order_by("ends_on", "pk")[:LISTED])
    contributions = []
    for school_id in staff:
        plan = reverse("planning:plan", args=[school_id])
        row: dict[str, Any] = dict(counts.get(school_id) or {})
        cards = (
            Todo(
                "planning.overdue",
                _("Your actions overdue"),
                row.get("overdue", 0),
                plan,
                "exclamation-triangle",
                DANGER,
                30,
            ),
            Todo(
                "planning.due",
                _("Your actions due in the next 14 days"),
                row.get("soon", 0),
                plan,
                "calendar-check",
                WARNING,
                31,
            ),
        )
        items = tuple(
            Item(
                action.title,
                reverse("planning:action", args=[action.pk]),
                action.ends_on,
                _("overdue") if action.ends_on < today else _("due"),
                DANGER if action.ends_on < today else WARNING,
            )
            for action in latest
            if action.school_id == school_id
        )
        lists = (ItemList("planning.actions", _("Your actions due"), items, 30),) if items else ()
        contributions.append(Contribution(f"school:{school_id}", cards=cards, lists=lists))
    return contributions
