"""A small form, an open round, and school A's application to it."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from twinschools.applications import services
from twinschools.applications.models import Application
from twinschools.labels.models import Eligibility, FormSection, FormStatement, FormVersion, Round

_numbers = itertools.count(1)

# (kind, required, asks for a plan, title, statements)
SECTIONS = (
    ("esafety", True, False, "eSafety policy", ["Our school has an eSafety policy."]),
    (
        "commitment-1",
        True,
        True,
        "Shared leadership",
        ["Leadership is shared.", "The team decides together."],
    ),
    ("commitment-2", True, True, "Collaboration", ["Teachers work together."]),
    ("commitment-4", False, True, "A model for others", ["We help other schools."]),
)


def form_version() -> FormVersion:
    number = next(_numbers)
    version = FormVersion.objects.create(code=f"t{number}", name={"en": f"Test form {number}"})
    for order, (kind, required, plan, title, statements) in enumerate(SECTIONS, start=1):
        section = FormSection.objects.create(
            form_version=version,
            kind=kind,
            order=order,
            required=required,
            asks_two_year_plan=plan,
            title={"en": title, "ro": f"{title} (ro)", "ca": f"{title} (ca)"},
            guidance={"en": f"Say how: {title}."},
        )
        for index, text in enumerate(statements, start=1):
            FormStatement.objects.create(
                section=section, order=index, text={"en": text}, asks_evidence=(kind == "esafety")
            )
    return version


def open_round(*, days_left: int = 30, first_year: int | None = None, **fields: Any) -> Round:
    number = next(_numbers)
    now = timezone.now()
    year = first_year or now.year + 1
    values: dict[str, Any] = {
        "name": f"R{number}-{year}",
        "opens_at": now - timedelta(days=10),
        "closes_at": now + timedelta(days=days_left),
        "registered_by": date(year - 2, 9, 1),
        "active_since": date(year - 2, 9, 1),
        "nql_from": date(year - 3, 1, 1),
        "nql_to": date(year - 1, 12, 31),
        "label_first_year": year,
        "label_last_year": year + 1,
        "status": "published",
        **fields,
    }
    if "form_version" not in values:
        values["form_version"] = form_version()
    return Round.objects.create(**values)


def eligible(round: Round, school: Any, *, yes: bool = True) -> Eligibility:
    return Eligibility.objects.create(
        round=round,
        school=school,
        meets_rules=yes,
        eligible=yes,
        registered_on=date(2020, 1, 1),
        checked_at=timezone.now(),
    )


def application_of(school: Any, by: Any, *, round: Round | None = None) -> Application:
    round = round or open_round()
    eligible(round, school)
    return services.start_application(school=school, round=round, by=by)


def fill(application: Application, by: Any, *, evidence: bool = True) -> None:
    """Answer every part, and give the eSafety section a link."""
    for part in application.parts.all():
        services.save_part(part=part, text=f"Answer for part {part.pk}.", base_revision=part.revision, by=by)
    if evidence:
        esafety = application.round.form_version.sections.get(kind="esafety")
        services.add_evidence(
            application=application, section_id=esafety.pk, by=by, url="https://example.org/policy.pdf"
        )
