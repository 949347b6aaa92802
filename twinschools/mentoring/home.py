"""Mentoring meetings coming up for a person's schools, for their home page."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from twinschools.accounts.home import Contribution, Item, ItemList, Todo
from twinschools.accounts.models import STAFF_ROLES
from twinschools.core.authz import Roles
from twinschools.mentoring.models import Meeting, PairingStatus

AHEAD = timedelta(days=30)
LISTED = 5


def todos(*, user: Any, roles: Roles, now: datetime) -> list[Contribution]:
    staff = roles.schools_with(*STAFF_ROLES)
    if not staff:
        return []
    today = timezone.localdate(now)
    meetings = list(
        Meeting.objects.filter(
            Q(pairing__mentor_id__in=staff) | Q(pairing__mentee_id__in=staff),
            pairing__status=PairingStatus.ACCEPTED,
            on__gte=today,
            on__lte=today + AHEAD,
        )
        .select_related("pairing__mentor", "pairing__mentee")
        .order_by("on", "pk")[:100]
    )
    contributions = []
    for school_id in staff:
        own = [m for m in meetings if school_id in (m.pairing.mentor_id, m.pairing.mentee_id)]
        partner = {
            m.pk: m.pairing.mentee.name if m.pairing.mentor_id == school_id else m.pairing.mentor.name
            for m in own
        }
        cards = (
            Todo(
                "mentoring.meetings",
                _("Mentoring meetings in the next 30 days"),
                len(own),
                reverse("mentoring:school_mentoring", args=[school_id]),
                "people",
                order=60,
            ),
        )
        items = tuple(
            Item(partner[m.pk], reverse("mentoring:pair_detail", args=[m.pairing_id]), m.on, _("meeting"))
            for m in own[:LISTED]
        )
        lists = (
            (ItemList("mentoring.meetings", _("Mentoring meetings coming up"), items, 60),) if items else ()
        )
        contributions.append(Contribution(f"school:{school_id}", cards=cards, lists=lists))
    return contributions
