"""The label application's notification sentences, registered with the notifications app.

Parts are named in the reader's language: the notification keeps the section's and the
statement's texts in every language of the form, and the sentence picks one when it is read.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from twinschools.labels.models import in_language
from twinschools.notifications.kinds import register_kind


def _part(params: dict[str, Any]) -> str:
    section = in_language(params.get("section"))
    statement = params.get("statement")
    if statement:
        return gettext("“%(statement)s” in “%(section)s”") % {
            "statement": in_language(statement),
            "section": section,
        }
    return gettext("the two-year plan of “%(section)s”") % {"section": section}


def conflict_resolved(params: dict[str, Any]) -> str:
    values = {"person": params.get("person", ""), "part": _part(params)}
    resolution = params.get("resolution")
    if resolution == "mine":
        return (
            gettext(
                "%(person)s replaced your text of %(part)s in the label application with another version. "
                "Your text is kept in the part's history."
            )
            % values
        )
    if resolution == "theirs":
        return (
            gettext(
                "%(person)s kept the saved text of %(part)s in the label application, not your version. "
                "Your version is kept in the part's history."
            )
            % values
        )
    if resolution == "both":
        return (
            gettext(
                "%(person)s kept both versions of %(part)s in the label application, one after the other."
            )
            % values
        )
    return (
        gettext("%(person)s combined the versions of %(part)s in the label application into one text.")
        % values
    )


def register() -> None:
    from twinschools.applications.services import CONFLICT_RESOLVED

    register_kind(
        CONFLICT_RESOLVED,
        conflict_resolved,
        label=_("Versions of a part of your label application were combined"),
    )
