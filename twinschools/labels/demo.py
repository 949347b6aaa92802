"""The demo's open round, 2027-2028 style: its window is around today, the check has run.

The demo head's Cluj school must be eligible through its own data: the check runs
on the generated network, and only the facts it lacks are added as dated records
(the head's training, a teacher's National Quality Label for one of the school's
European projects), never by editing the result.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Count
from django.utils import timezone

from twinschools.labels import services
from twinschools.labels.models import Eligibility, FormVersion, Round, RoundStatus
from twinschools.network.generation import application_texts as texts
from twinschools.network.generation.demo import school_language
from twinschools.network.models import (
    Activity,
    ActivityKind,
    Project,
    QualityLabel,
    QualityLabelKind,
    SchoolLabel,
)


def demo_round_values(today: date) -> dict[str, Any]:
    first_year = today.year + 1
    opens = timezone.make_aware(datetime.combine(today - timedelta(days=7), time(10)))
    return {
        "name": f"{first_year}-{first_year + 1}",
        "opens_at": opens,
        "closes_at": timezone.make_aware(datetime.combine(today + timedelta(days=28), time(23, 59))),
        "registered_by": today - timedelta(days=7 + 2 * 365),
        "active_since": today - timedelta(days=7 + 2 * 365),
        "min_active_teachers": 3,
        "activity_kinds": [
            ActivityKind.PROJECT.value,
            ActivityKind.GROUP.value,
            ActivityKind.PROFESSIONAL_DEVELOPMENT.value,
        ],
        "nql_from": date(today.year - 3, 9, 1),
        "nql_to": today - timedelta(days=8),
        "nql_at_this_school": True,
        "nql_european_project": True,
        "label_first_year": first_year,
        "label_last_year": first_year + 1,
        "form_version": FormVersion.objects.get(code="2023"),
    }


def _complete_facts(round: Round, school: Any, people: dict[str, Any], today: date) -> None:
    """Adds the dated records the demo school lacks for the rules it failed."""
    result = Eligibility.objects.get(round=round, school=school)
    failed = {reason["rule"] for reason in result.reason_list if not reason["ok"]}
    head, teacher = people["head"], people["teacher"]
    if "active_teachers" in failed:
        Activity.objects.bulk_create(
            Activity(
                teacher=person,
                school=school,
                kind=ActivityKind.PROFESSIONAL_DEVELOPMENT,
                title=texts.phrase(school_language(school), "label_webinar"),
                occurred_on=today - timedelta(days=30 + offset),
            )
            for offset, person in enumerate((head, teacher))
        )
    if "nql" in failed:
        project = (
            Project.objects.filter(participations__school=school)
            .annotate(countries=Count("participations__school__country", distinct=True))
            .filter(countries__gte=2)
            .order_by("-started_on")
            .first()
        )
        if project is not None:
            QualityLabel.objects.create(
                external_id=f"QL-DEMO-LABEL-{project.pk}",
                kind=QualityLabelKind.NATIONAL,
                teacher=teacher,
                project=project,
                school=school,
                granted_on=max(round.nql_from, today - timedelta(days=120)),
            )
    if "not_labelled" in failed:
        # The demo shows an application in progress: the school's current label ends this year.
        SchoolLabel.objects.filter(school=school, last_year__gte=round.label_first_year).delete()


def seed_demo_round(*, school: Any, people: dict[str, Any], rng: Any, today: date) -> None:
    values = demo_round_values(today)
    if Round.objects.filter(name=values["name"]).exists():
        return
    admin = None
    round = services.save_round(actor=admin, values=values)  # type: ignore[arg-type]
    services.run_eligibility(round=round, run_by=None, today=today)
    _complete_facts(round, school, people, today)
    services.run_eligibility(round=round, run_by=None, today=today)
    Round.objects.filter(pk=round.pk).update(status=RoundStatus.PUBLISHED)
    round.refresh_from_db()
    services.send_invitations(round=round, mail=False)
