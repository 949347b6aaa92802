"""The kinds of notification: each app registers its sentences from AppConfig.ready().

A sentence is a lazy translated string with %(name)s placeholders filled from
the notification's parameters, or a function of the parameters that returns the
sentence, so it is translated only when somebody reads it.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext

_SENTENCES: dict[str, Any] = {}
_LABELS: dict[str, Any] = {}


def register_kind(kind: str, sentence: Any, *, label: Any = None) -> None:
    """`label` names the kind on the notification settings page (a lazy translated phrase)."""
    _SENTENCES[kind] = sentence
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


def label(kind: str) -> str:
    """The kind's name for the settings page, in the active language."""
    named = _LABELS.get(kind)
    return str(named) if named is not None else kind
