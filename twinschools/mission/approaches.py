"""The pedagogical-approach vocabulary shared by practices and planned activities.

Codes are stored; labels are translated. Searching by approach works across
languages because a search term is matched against the label in every
language the site speaks (a Catalan teacher typing "aula invertida" finds a
Romanian practice tagged "flipped classroom").
"""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import pgettext_lazy

from twinschools.core.text import fold


class ApproachCode(models.TextChoices):
    COLLABORATIVE = "collaborative", pgettext_lazy("approach", "Collaborative learning")
    STUDENT_CENTRED = "student-centred", pgettext_lazy("approach", "Student-centred learning")
    FLEXIBLE_TIME = "flexible-time", pgettext_lazy("approach", "Flexible time")
    FLEXIBLE_SPACES = "flexible-spaces", pgettext_lazy("approach", "Flexible learning spaces")
    PROJECT_BASED = "project-based", pgettext_lazy("approach", "Project-based learning")
    INQUIRY_BASED = "inquiry-based", pgettext_lazy("approach", "Inquiry-based learning")
    FLIPPED = "flipped", pgettext_lazy("approach", "Flipped classroom")
    GAME_BASED = "game-based", pgettext_lazy("approach", "Game-based learning")
    PEER_LEARNING = "peer-learning", pgettext_lazy("approach", "Peer learning")
    DIFFERENTIATED = "differentiated", pgettext_lazy("approach", "Differentiated instruction")
    CROSS_CURRICULAR = "cross-curricular", pgettext_lazy("approach", "Cross-curricular learning")
    OUTDOOR = "outdoor", pgettext_lazy("approach", "Outdoor learning")
    SERVICE_LEARNING = "service-learning", pgettext_lazy("approach", "Service learning")
    ASSESSMENT_FOR_LEARNING = (
        "assessment-for-learning",
        pgettext_lazy("approach", "Assessment for learning"),
    )
    DIGITAL_CREATION = "digital-creation", pgettext_lazy("approach", "Digital creation by students")
    STEAM = "steam", pgettext_lazy("approach", "STEAM")


# Approaches that record how a school uses time and space flexibly (innovation record).
FLEXIBILITY = (ApproachCode.FLEXIBLE_TIME, ApproachCode.FLEXIBLE_SPACES)


@cache
def _folded_labels() -> dict[str, tuple[str, ...]]:
    labels: dict[str, list[str]] = {code: [] for code in ApproachCode.values}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for code, label in ApproachCode.choices:
                labels[code].append(fold(str(label)))
    return {code: tuple(folded) for code, folded in labels.items()}


def approaches_matching(text: str) -> list[str]:
    """Codes whose label, in any of our languages, contains `text` (folded)."""
    needle = fold(text).strip()
    if len(needle) < 3:
        return []
    return [code for code, labels in _folded_labels().items() if any(needle in label for label in labels)]
