"""The five commitments of an eTwinning School, as a translated vocabulary."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy


@dataclass(frozen=True)
class Commitment:
    number: int
    slug: str
    title: Promise
    summary: Promise

    @property
    def icon(self) -> str:
        """The Bootstrap Icons name that stands for this commitment in the interface."""
        return ICONS[self.number]


ICONS = {1: "diagram-3", 2: "people", 3: "megaphone", 4: "door-open", 5: "lightbulb"}


COMMITMENTS = (
    Commitment(
        1,
        "shared-leadership",
        pgettext_lazy("commitment title", "Shared leadership"),
        pgettext_lazy(
            "commitment summary",
            "Responsibility for the school and its decisions is shared. The head and "
            "teacher leaders actively support all staff to take part in eTwinning.",
        ),
    ),
    Commitment(
        2,
        "collaboration",
        pgettext_lazy("commitment title", "Collaboration, sharing and teamwork"),
        pgettext_lazy(
            "commitment summary",
            "Teachers plan eTwinning and other teaching activities together, share their "
            "practice inside and outside the school, and build a joint eTwinning action "
            "plan that drives innovation and change.",
        ),
    ),
    Commitment(
        3,
        "students-agents-of-change",
        pgettext_lazy("commitment title", "Students as agents of change"),
        pgettext_lazy(
            "commitment summary",
            "Students promote eTwinning to teachers, whether already involved or not, and "
            "to parents. They drive pedagogical and technological innovation and are its "
            "sounding board.",
        ),
    ),
    Commitment(
        4,
        "models-for-other-schools",
        pgettext_lazy("commitment title", "Models for other schools"),
        pgettext_lazy(
            "commitment summary",
            "The school is an ambassador for the other schools of its region: open days, "
            "information sessions and mentoring programmes, and professional development "
            "open to other schools.",
        ),
    ),
    Commitment(
        5,
        "inclusive-innovative",
        pgettext_lazy("commitment title", "Inclusive and innovative learning organisations"),
        pgettext_lazy(
            "commitment summary",
            "Inclusion at every level, for pupils of all abilities and cultures, their "
            "families and the community. The whole school learns as an organisation, with "
            "collaborative learning, student-centred teaching and flexible learning time "
            "and spaces.",
        ),
    ),
)
