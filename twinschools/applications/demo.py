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
from twinschools.network.generation import application_texts as texts
from twinschools.network.generation.demo import school_language

# A draft: the first sections are written (in the school's language), the others still empty.
ANSWERED = ("esafety", "commitment-1", "commitment-2")
PLANNED = ("commitment-1", "commitment-2")


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
    language = school_language(school)
    for part in application.parts.select_related("section", "statement"):
        kind = str(part.section.kind)
        if part.is_plan:
            text = texts.plan(language, kind) if kind in PLANNED else ""
        else:
            order = part.statement.order if part.statement else 1
            text = texts.answer(language, kind, order, variant=school.pk) if kind in ANSWERED else ""
        if text:
            writer = head if part.is_plan else teacher
            services.save_part(part=part, text=text, base_revision=part.revision, by=writer)
    sections = {str(s.kind): s for s in application.round.form_version.sections.all()}
    services.add_evidence(
        application=application,
        section_id=sections["esafety"].pk,
        by=teacher,
        title=texts.phrase(language, "esafety_evidence"),
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
        text=texts.phrase(language, "comment"),
        by=head,
    )
