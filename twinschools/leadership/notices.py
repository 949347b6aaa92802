"""The sentences of the leadership notifications, translated when read."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from twinschools.core import zones
from twinschools.leadership.models import Result
from twinschools.notifications.kinds import register_kind


def _closed(params: dict[str, Any]) -> str:
    try:
        result = str(Result(params.get("result")).label)
    except ValueError:
        result = ""
    return gettext("The proposal “%(title)s” at %(school)s is closed. Result: %(result)s.") % {
        "title": params.get("title", ""),
        "school": params.get("school", ""),
        "result": result,
    }


def _opened(params: dict[str, Any]) -> str:
    values = {key: params.get(key, "") for key in ("proposer", "title", "school")}
    try:
        closes = datetime.fromisoformat(str(params.get("closes")))
    except ValueError:  # notifications written before the deadline was kept with them
        return (
            gettext(
                "%(proposer)s opened the proposal “%(title)s” at %(school)s. Take your position before it closes."
            )
            % values
        )
    return gettext(
        "%(proposer)s opened the proposal “%(title)s” at %(school)s. Take your position before it closes "
        "on %(closes)s."
    ) % {**values, "closes": zones.with_zone(closes, str(params.get("zone") or ""))}


def register_notices() -> None:
    from twinschools.leadership import services

    register_kind(services.PROPOSAL_OPENED, _opened, label=_("A proposal is opened"))
    register_kind(
        services.PROPOSAL_REMINDER,
        _(
            "The proposal “%(title)s” at %(school)s closes within a day and you have not taken a position yet."
        ),
        label=_("A proposal closes soon"),
    )
    register_kind(services.PROPOSAL_CLOSED, _closed, label=_("A proposal is closed"))
    register_kind(
        services.REVIEW_DUE,
        _("The review date of the decision “%(title)s” at %(school)s has come: look at how it worked out."),
        label=_("A decision is due for review"),
    )
