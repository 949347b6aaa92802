"""Why a pair was proposed, in the reader's language, as whole sentences."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from twinschools.mentoring.models import Pairing, Topic
from twinschools.network.models import EducationLevel, Language


def _names(labels: list[str]) -> str:
    return ", ".join(labels)


def explain(pairing: Pairing) -> list[str]:
    """Sentences such as "34 km apart.", "Both teach in Romanian.", "Topics in common: eSafety."."""
    shared = pairing.shared or {}
    km = round(pairing.distance_km)
    sentences = [ngettext("%(km)d km apart.", "%(km)d km apart.", km) % {"km": km}]
    languages = [str(Language(code=code)) for code in shared.get("languages", [])]
    if languages:
        sentences.append(_("Both teach in %(languages)s.") % {"languages": _names(languages)})
    else:
        sentences.append(_("No teaching language in common."))
    levels = [
        str(EducationLevel(code).label) for code in shared.get("levels", []) if code in EducationLevel.values
    ]
    if levels:
        sentences.append(_("Both teach at these levels: %(levels)s.") % {"levels": _names(levels)})
    else:
        sentences.append(_("No education level in common."))
    topics = [str(Topic(code).label) for code in shared.get("topics", []) if code in Topic.values]
    if topics:
        sentences.append(
            ngettext(
                "Topic asked for and offered: %(topics)s.",
                "Topics asked for and offered: %(topics)s.",
                len(topics),
            )
            % {"topics": _names(topics)}
        )
    return sentences
