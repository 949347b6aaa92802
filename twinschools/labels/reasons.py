"""Eligibility reasons rendered in the reader's language as whole sentences.

The check stores reasons as data (rule code, ok, params); they become sentences
only when somebody reads them, so each reader gets their own language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from twinschools.labels.models import Eligibility


@dataclass(frozen=True)
class Reason:
    rule: str
    ok: bool
    sentence: str


def _day(value: Any) -> str:
    if not value:
        return ""
    return str(formats.date_format(date.fromisoformat(str(value)), "j F Y"))


def _registered(ok: bool, params: dict[str, Any], _result: Eligibility) -> str:
    values = {"registered": _day(params.get("registered_on")), "cutoff": _day(params.get("cutoff"))}
    if ok:
        return _("Registered since %(registered)s (cut-off %(cutoff)s).") % values
    return _("Registered since %(registered)s, after the cut-off of %(cutoff)s.") % values


def _teachers(ok: bool, params: dict[str, Any], _result: Eligibility) -> str:
    count, required = int(params.get("count", 0)), int(params.get("required", 0))
    values = {"count": count, "required": required, "since": _day(params.get("since"))}
    return (
        ngettext(
            "%(count)d of %(required)d active teachers needed since %(since)s.",
            "%(count)d of %(required)d active teachers needed since %(since)s.",
            required,
        )
        % values
    )


def _nql(ok: bool, params: dict[str, Any], result: Eligibility) -> str:
    window = {"from": _day(params.get("from")), "to": _day(params.get("to"))}
    if ok:
        return _(
            "National Quality Label for the project “%(title)s” granted on %(date)s "
            "(window %(from)s to %(to)s)."
        ) % {**window, "title": result.nql_project_title, "date": _day(params.get("granted_on"))}
    european, same_school = bool(params.get("european")), bool(params.get("same_school"))
    if european and same_school:
        sentence = _(
            "No National Quality Label for a European project, earned while at this school, "
            "granted between %(from)s and %(to)s."
        )
    elif european:
        sentence = _("No National Quality Label for a European project granted between %(from)s and %(to)s.")
    elif same_school:
        sentence = _(
            "No National Quality Label earned while at this school granted between %(from)s and %(to)s."
        )
    else:
        sentence = _("No National Quality Label granted between %(from)s and %(to)s.")
    return sentence % window


def _not_labelled(ok: bool, params: dict[str, Any], _result: Eligibility) -> str:
    year = params.get("round_first_year")
    if ok:
        return _("No eTwinning School label still valid in %(year)s.") % {"year": year}
    return _(
        "The school's label %(first)s-%(last)s is still valid in %(year)s: it may renew when the label ends."
    ) % {"first": params.get("first_year"), "last": params.get("last_year"), "year": year}


_RENDERERS = {
    "registered": _registered,
    "active_teachers": _teachers,
    "nql": _nql,
    "not_labelled": _not_labelled,
}


def render(result: Eligibility) -> list[Reason]:
    """Every rule of the result, in the order the check wrote them, as sentences."""
    reasons = []
    for item in result.reason_list:
        renderer = _RENDERERS.get(str(item.get("rule")))
        if renderer is None:
            continue
        ok = bool(item.get("ok"))
        reasons.append(Reason(item["rule"], ok, renderer(ok, item.get("params") or {}, result)))
    return reasons


def failed(result: Eligibility) -> list[Reason]:
    return [reason for reason in render(result) if not reason.ok]
