"""Writes of the mission app: inclusion measures.

Every function is keyword-only, owns its transaction and leaves an audit event.
Reach is stored as aggregated numbers only; nothing here takes a pupil.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from twinschools.accounts.models import User
from twinschools.core import audit
from twinschools.mission.models import InclusionMeasure, TargetGroup
from twinschools.network.models import School

REACH_FIELDS = ("pupils_reached", "families_reached", "staff_involved")


def _clean(
    *,
    target_group: str,
    other_group: str,
    title: str,
    started_on: date,
    ended_on: date,
    reach: dict[str, int],
) -> dict[str, Any]:
    errors: dict[str, str] = {}
    other_group, title = other_group.strip(), title.strip()
    if target_group not in TargetGroup.values:
        errors["target_group"] = _("Choose a target group from the list.")
    elif target_group == TargetGroup.OTHER and not other_group:
        errors["other_group"] = _("Name the group this measure was for.")
    if not title:
        errors["title"] = _("Say what action was taken.")
    if ended_on < started_on:
        errors["ended_on"] = _("The end of the period cannot be before its start.")
    for name, value in reach.items():
        if value < 0:
            errors[name] = _("Enter zero or a positive number.")
    if errors:
        raise ValidationError(errors)
    return {
        "target_group": target_group,
        "other_group": other_group if target_group == TargetGroup.OTHER else "",
        "title": title,
        "started_on": started_on,
        "ended_on": ended_on,
        **reach,
    }


@transaction.atomic
def record_inclusion_measure(
    *,
    school: School,
    by: User,
    target_group: str,
    title: str,
    started_on: date,
    ended_on: date,
    other_group: str = "",
    description: str = "",
    pupils_reached: int = 0,
    families_reached: int = 0,
    staff_involved: int = 0,
) -> InclusionMeasure:
    values = _clean(
        target_group=target_group,
        other_group=other_group,
        title=title,
        started_on=started_on,
        ended_on=ended_on,
        reach={
            "pupils_reached": pupils_reached,
            "families_reached": families_reached,
            "staff_involved": staff_involved,
        },
    )
    measure = InclusionMeasure.objects.create(
        school=school, recorded_by=by, description=description.strip(), **values
    )
    audit.record(
        actor=by,
        action="mission.inclusion_measure.recorded",
        school=school,
        target=measure,
        data={"target_group": measure.target_group},
    )
    return measure


@transaction.atomic
def update_inclusion_measure(
    *,
    measure: InclusionMeasure,
    by: User,
    version: int | None,
    target_group: str,
    title: str,
    started_on: date,
    ended_on: date,
    other_group: str = "",
    description: str = "",
    pupils_reached: int = 0,
    families_reached: int = 0,
    staff_involved: int = 0,
) -> InclusionMeasure:
    """Change a measure; refused when someone else saved it since `version` was read."""
    current = InclusionMeasure.objects.select_for_update().get(pk=measure.pk)
    if version is not None and version != current.version:
        raise ValidationError(
            _(
                "Someone else changed this measure while you were editing it. "
                "Their version is shown below; your changes are kept in the form."
            ),
            code="stale",
        )
    values = _clean(
        target_group=target_group,
        other_group=other_group,
        title=title,
        started_on=started_on,
        ended_on=ended_on,
        reach={
            "pupils_reached": pupils_reached,
            "families_reached": families_reached,
            "staff_involved": staff_involved,
        },
    )
    changed = sorted(name for name, value in values.items() if getattr(current, name) != value)
    for name, value in {**values, "description": description.strip()}.items():
        setattr(current, name, value)
    current.version += 1
    current.save()
    audit.record(
        actor=by,
        action="mission.inclusion_measure.changed",
        school=measure.school,
        target=current,
        data={"fields": changed},
    )
    return current


@transaction.atomic
def delete_inclusion_measure(*, measure: InclusionMeasure, by: User) -> None:
    audit.record(
        actor=by,
        action="mission.inclusion_measure.deleted",
        school=measure.school,
        target=measure,
    )
    measure.delete()
