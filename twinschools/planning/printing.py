"""The plan on paper: the HTML of the print layout and the PDF WeasyPrint makes of it."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation

from twinschools.planning import queries
from twinschools.planning.models import Plan


def printed_context(plan: Plan, *, language: str) -> dict[str, Any]:
    goals = queries.goals_of(plan, with_notes=True)
    return {
        "school": plan.school,
        "plan": plan,
        "commitments": queries.goals_by_commitment(goals),
        "language": language,
        "printed_on": timezone.localdate(),
    }


def plan_html(plan: Plan, *, language: str) -> str:
    """The standalone page the PDF is made from, in `language`."""
    with translation.override(language):
        return render_to_string("planning/plan_pdf.html", printed_context(plan, language=language))


def plan_pdf(plan: Plan, *, language: str, base_url: str) -> bytes:
    from weasyprint import HTML  # slow to import: only when a PDF is asked for

    pdf: bytes = HTML(string=plan_html(plan, language=language), base_url=base_url).write_pdf()
    return pdf
