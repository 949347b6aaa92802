from __future__ import annotations

import datetime
import random
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tests.conftest import World
from tests.mission.factories import InclusionMeasureFactory
from twinschools.core.models import AuditEvent
from twinschools.mission import services
from twinschools.mission.demo import seed_inclusion
from twinschools.mission.models import InclusionMeasure, TargetGroup

START = datetime.date(2025, 10, 1)


def measure_values(**overrides: Any) -> dict[str, Any]:
    return {
        "target_group": TargetGroup.FAMILIES,
        "title": "Parents' evening about eTwinning",
        "started_on": START,
        "ended_on": START,
        "pupils_reached": 20,
        "families_reached": 31,
        "staff_involved": 5,
        **overrides,
    }


def test_staff_record_a_measure_with_its_reach_and_an_audit_event(world: World) -> None:
    measure = services.record_inclusion_measure(
        school=world.school_a, by=world.people["teacher_a"], **measure_values()
    )
    assert (measure.families_reached, measure.recorded_by) == (31, world.people["teacher_a"])
    event = AuditEvent.objects.get(action="mission.inclusion_measure.recorded")
    assert (event.school, event.actor, int(event.target_id)) == (
        world.school_a,
        world.people["teacher_a"],
        measure.pk,
    )


@pytest.mark.parametrize("field", ["pupils_reached", "families_reached", "staff_involved"])
def test_a_negative_reach_is_refused_on_its_field(world: World, field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        services.record_inclusion_measure(
            school=world.school_a, by=world.people["teacher_a"], **measure_values(**{field: -1})
        )
    assert list(refused.value.message_dict) == [field]
    assert not InclusionMeasure.objects.exists()


def test_a_period_ending_before_it_starts_is_refused_in_the_users_language(world: World) -> None:
    with translation.override("ro"), pytest.raises(ValidationError) as refused:
        services.record_inclusion_measure(
            school=world.school_a,
            by=world.people["teacher_a"],
            **measure_values(ended_on=START - datetime.timedelta(days=1)),
        )
    assert list(refused.value.message_dict) == ["ended_on"]
    assert "perioadei" in refused.value.message_dict["ended_on"][0]


def test_another_group_needs_a_name_and_other_groups_drop_it(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        services.record_inclusion_measure(
            school=world.school_a,
            by=world.people["teacher_a"],
            **measure_values(target_group=TargetGroup.OTHER),
        )
    assert list(refused.value.message_dict) == ["other_group"]
    measure = services.record_inclusion_measure(
        school=world.school_a,
        by=world.people["teacher_a"],
        **measure_values(target_group=TargetGroup.FAMILIES, other_group="Ignored"),
    )
    assert measure.other_group == ""


def test_an_edit_from_a_stale_form_is_refused_and_changes_nothing(world: World) -> None:
    measure = InclusionMeasureFactory(school=world.school_a, recorded_by=world.people["teacher_a"])
    services.update_inclusion_measure(
        measure=measure, by=world.people["head_a"], version=1, **measure_values(title="Changed by the head")
    )
    with pytest.raises(ValidationError) as refused:
        services.update_inclusion_measure(
            measure=measure, by=world.people["teacher_a"], version=1, **measure_values(title="Changed late")
        )
    assert refused.value.code == "stale"
    measure.refresh_from_db()
    assert (measure.title, measure.version) == ("Changed by the head", 2)
    assert AuditEvent.objects.filter(action="mission.inclusion_measure.changed").count() == 1


def test_deleting_a_measure_leaves_an_audit_event(world: World) -> None:
    measure = InclusionMeasureFactory(school=world.school_a, title="Tablets to borrow")
    measure_pk = measure.pk
    services.delete_inclusion_measure(measure=measure, by=world.people["head_a"])
    assert not InclusionMeasure.objects.exists()
    event = AuditEvent.objects.get(action="mission.inclusion_measure.deleted")
    assert (event.target_type, event.target_id) == ("mission.inclusionmeasure", str(measure_pk))
    assert "Tablets" not in str(event.data)


def test_the_demo_seeder_gives_the_demo_school_five_inclusion_measures_in_romanian(world: World) -> None:
    people = {"head": world.people["head_a"], "teacher": world.people["team_a"]}
    today = datetime.date(2026, 3, 1)
    seed_inclusion(school=world.school_a, people=people, rng=random.Random(1), today=today)
    measures = InclusionMeasure.objects.filter(school=world.school_a)
    assert measures.count() == 5
    assert {m.target_group for m in measures} == set(TargetGroup.values)
    assert all(m.ended_on >= m.started_on for m in measures)
    assert measures.filter(started_on__gt=today).count() == 1  # one planned, for the overview's "planned"
    assert any("ă" in m.title or "ț" in m.title or "ș" in m.title for m in measures)
