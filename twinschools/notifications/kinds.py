"""The kinds of notification: each app registers its sentences from AppConfig.ready().

A sentence is a lazy translated string with %(name)s placeholders filled from
the notification's parameters, or a function of the parameters that returns the
sentence, so it is translated only when somebody reads it.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.utils.translation import gettext, gettext_lazy

_SENTENCES: dict[str, Any] = {}
_LABELS: dict[str, Any] = {}
_GROUPS: dict[str, Group] = {}


class Group(StrEnum):
    """Who a kind of notification is for: the settings page groups kinds by it and shows a
    person only the groups of their roles."""

    TEAM = "team"  # the school's team at work: proposals, plans, practices, the application
    LABEL = "label"  # what happens to the school's label: eligibility, decision, withdrawal
    NATIONAL = "national"  # NSO staff and evaluators: reviews, assignments, requests


GROUP_TITLES = {
    Group.TEAM: gettext_lazy("Your school's team"),
    Group.LABEL: gettext_lazy("Your school's eTwinning School label"),
    Group.NATIONAL: gettext_lazy("National support and evaluation"),
}


def register_kind(kind: str, sentence: Any, *, label: Any = None, group: Group = Group.TEAM) -> None:
    """`label` names the kind on the notification settings page (a lazy translated phrase)."""
    _SENTENCES[kind] = sentence
    _GROUPS[kind] = group
    if label is not None:
        _LABELS[kind] = label


def render(kind: str, params: dict[str, Any]) -> str:
    sentence = _SENTENCES.get(kind)
    # A person erased since the notice was written: their name was taken out (None).
    params = {key: gettext("Erased person") if value is None else value for key, value in params.items()}
    if sentence is None:
        return gettext("You have a new notification.")
    if callable(sentence):
        return str(sentence(params))
    try:
        return str(sentence) % params
    except (KeyError, TypeError, ValueError):
        # A translation that lost a placeholder must not break the inbox.
        return str(sentence)


def known_kinds() -> list[str]:
    return sorted(_SENTENCES)


def in_registered_order() -> list[str]:
    """The kinds as their apps registered them: each app's in the order its work happens."""
    return list(_SENTENCES)


def group_of(kind: str) -> Group:
    return _GROUPS.get(kind, Group.TEAM)


def label(kind: str) -> str:
    """The kind's name for the settings page, in the active language."""
    named = _LABELS.get(kind)
    return str(named) if named is not None else kind
