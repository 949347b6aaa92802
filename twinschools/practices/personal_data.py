"""What the practice library holds about a person: the practices they shared and their comments.

Both belong to the school's and the network's library: erasing a staff member anonymises the
account, and the practices and comments stay, no longer naming anybody.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from twinschools.accounts.personal_data import PersonalData, Row, register
from twinschools.practices.models import Comment, Practice


def _practices(person: Any) -> list[Row]:
    return [
        {
            "title": practice.title,
            "visibility": str(practice.get_visibility_display()),
            "shared_on": practice.created_at.date().isoformat(),
        }
        for practice in Practice.objects.filter(author=person).order_by("created_at", "pk")
    ]


def _comments(person: Any) -> list[Row]:
    return [
        {
            "practice": comment.practice.title,
            "comment": comment.body,
            "on": comment.created_at.date().isoformat(),
        }
        for comment in Comment.objects.filter(author=person)
        .select_related("practice")
        .order_by("created_at", "pk")
    ]


def register_personal_data() -> None:
    register(
        PersonalData(
            key="practices.practices",
            title=_("Practices shared"),
            fields=(
                ("title", _("Title")),
                ("visibility", _("Who can see it")),
                ("shared_on", _("Shared on")),
            ),
            export=_practices,
            order=50,
        )
    )
    register(
        PersonalData(
            key="practices.comments",
            title=_("Comments on practices"),
            fields=(("practice", _("Practice")), ("comment", _("Comment")), ("on", _("Date"))),
            export=_comments,
            order=51,
        )
    )
