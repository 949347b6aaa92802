"""The seven dimensions of the OECD "schools as learning organisations" model.

Kools & Stoll (2016), OECD Education Working Paper 137. Records providers name
the dimensions their records give evidence of in `RecordGroup.oecd`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy


@dataclass(frozen=True)
class Dimension:
    number: int
    title: Promise
    explanation: Promise


DIMENSIONS = (
    Dimension(
        1,
        pgettext_lazy("oecd dimension", "A shared vision centred on the learning of all students"),
        pgettext_lazy(
            "oecd dimension",
            "The school agrees where it is going, and that every pupil, whatever their needs, learns.",
        ),
    ),
    Dimension(
        2,
        pgettext_lazy("oecd dimension", "Continuous learning opportunities for all staff"),
        pgettext_lazy(
            "oecd dimension",
            "Every member of staff keeps learning, and the school makes time and room for it.",
        ),
    ),
    Dimension(
        3,
        pgettext_lazy("oecd dimension", "Team learning and collaboration among staff"),
        pgettext_lazy(
            "oecd dimension", "Teachers plan, teach and reflect together, and learn from each other."
        ),
    ),
    Dimension(
        4,
        pgettext_lazy("oecd dimension", "A culture of enquiry, innovation and exploration"),
        pgettext_lazy(
            "oecd dimension", "Staff try new ways of teaching, look at what works and dare to change."
        ),
    ),
    Dimension(
        5,
        pgettext_lazy("oecd dimension", "Systems for collecting and exchanging knowledge and learning"),
        pgettext_lazy(
            "oecd dimension",
            "What the school learns is written down, shared and used for the next decisions.",
        ),
    ),
    Dimension(
        6,
        pgettext_lazy("oecd dimension", "Learning with and from the external environment"),
        pgettext_lazy(
            "oecd dimension",
            "The school learns with families, partner schools, the community and the wider system.",
        ),
    ),
    Dimension(
        7,
        pgettext_lazy("oecd dimension", "Modelling and growing learning leadership"),
        pgettext_lazy(
            "oecd dimension", "Leaders learn in the open and share leadership, so that others grow into it."
        ),
    ),
)

# The innovation record (pedagogical approaches in use) is evidence of this dimension.
INNOVATION_DIMENSION = 4
