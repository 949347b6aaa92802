"""Factories and test providers for the mission app."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import factory
from django.utils import timezone

from tests.factories import SchoolFactory
from twinschools.mission.models import InclusionMeasure, TargetGroup
from twinschools.mission.periods import Period
from twinschools.mission.registry import (
    ApproachUse,
    RecordGroup,
    RecordItem,
    RecordsProvider,
    register_records,
    unregister_records,
)


class InclusionMeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InclusionMeasure

    school = factory.SubFactory(SchoolFactory)
    target_group = TargetGroup.NEWCOMERS
    title = factory.Sequence(lambda n: f"Language club {n}")
    started_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    ended_on = factory.LazyAttribute(lambda measure: measure.started_on + datetime.timedelta(days=20))
    pupils_reached = 12
    families_reached = 4
    staff_involved = 2


class _TestProvider(RecordsProvider):
    """A provider answering fixed groups and uses for any school, keeping the periods it was asked."""

    def __init__(self, app: str, groups: tuple[RecordGroup, ...], uses: tuple[ApproachUse, ...]) -> None:
        self.app, self.groups, self.uses = app, groups, uses
        self.calls: list[dict[str, Any]] = []

    def records(self, *, school: Any, period: Period) -> list[RecordGroup]:
        self.calls.append({"school": school, "since": period.since, "until": period.until})
        return list(self.groups)

    def approach_usage(self, *, school: Any, period: Period) -> list[ApproachUse]:
        return list(self.uses)


@contextmanager
def records_provider(*groups: RecordGroup) -> Iterator[list[dict[str, Any]]]:
    """Register a provider answering `groups` (for any school) while the block runs; yields its calls."""
    provider = _TestProvider("test-records", groups, ())
    register_records(provider)
    try:
        yield provider.calls
    finally:
        unregister_records(provider)


@contextmanager
def approach_provider(*uses: ApproachUse) -> Iterator[None]:
    provider = _TestProvider("test-approaches", (), uses)
    register_records(provider)
    try:
        yield
    finally:
        unregister_records(provider)


def group(commitment: int, count: int, *, key: str = "", planned: bool = False, **extra: Any) -> RecordGroup:
    label = extra.pop("label", f"Test records {commitment}{' planned' if planned else ''}")
    return RecordGroup(
        commitment=commitment,
        key=key or f"test.{commitment}.{'planned' if planned else 'done'}",
        label=label,
        count=count,
        url=extra.pop("url", f"/test/{commitment}/{'planned' if planned else 'done'}/"),
        planned=planned,
        **extra,
    )


def item(title: str, days_ago: int = 3) -> RecordItem:
    return RecordItem(
        title=title, url=f"/test/items/{title}/", on=timezone.localdate() - datetime.timedelta(days=days_ago)
    )
