"""The demo school's application to the open demo round: a lived-in draft.

The labels app's seeder opens the round and checks eligibility; this one runs
after it (order 90) and does nothing when no open round has the school eligible.
"""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from django.utils import timezone

from twinschools.applications import services
from twinschools.labels.models import Eligibility, RoundStatus
from twinschools.mission.registry import evidence_for

ANSWERS = {
    "esafety": "Our eSafety policy was agreed by the teachers' council and is reviewed every year with the pupils.",
    "commitment-1": "The eTwinning team meets every month; decisions are proposed, discussed and recorded openly.",
    "commitment-2": "Teachers plan projects together in the action plan and share what worked in the library.",
}
PLANS = {
    "commitment-1": "Open the team's meetings to two pupil representatives.\nRotate the chair each term.",
    "commitment-2": "Each department co-plans one cross-curricular project a year.",
}


def seed_application(*, school: Any, people: dict[str, Any], rng: random.Random, today: date) -> None:
    now = timezone.now()
    eligibility = (
        Eligibility.objects.filter(
            school=school,
            eligible=True,
            round__status=RoundStatus.PUBLISHED,
            round__opens_at__lte=now,
            round__closes_at__gt=now,
        )
        .select_related("round")
        .first()
    )
    head, teacher = people.get("head"), people.get("teacher")
    if eligibility is None or head is None or teacher is None:
        return
    application = services.start_application(school=school, round=eligibility.round, by=head)
    for part in application.parts.select_related("section", "statement"):
        kind = str(part.section.kind)
        text = PLANS.get(kind) if part.is_plan else ANSWERS.get(kind)
        if text:
            writer = head if part.is_plan else teacher
            services.save_part(part=part, text=text, base_revision=part.revision, by=writer)
    sections = {str(s.kind): s for s in application.round.form_version.sections.all()}
    services.add_evidence(
        application=application,
        section_id=sections["esafety"].pk,
        by=teacher,
        title="eSafety policy 2025",
        url="https://example.org/esafety-policy",
    )
    for candidate in evidence_for(school=school, since=today.replace(year=today.year - 2), until=today)[:3]:
        section = sections.get(f"commitment-{candidate.commitment}")
        if section is not None:
            services.add_evidence(
                application=application,
                section_id=section.pk,
                by=teacher,
                title=candidate.title,
                url=candidate.url,
                record_key=candidate.key,
                on=candidate.on,
            )
    services.add_comment(
        application=application,
        section_id=sections["commitment-1"].pk,
        text="Could we add the decision about the pupils' council?",
        by=head,
    )
