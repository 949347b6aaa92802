"""How the workspace apps plug into the school's workspace.

Each app registers, from its AppConfig.ready():
- its sections, which make up the workspace navigation (`register_section`);
- its one records provider (`register_records`), a `RecordsProvider` whose
  `records(school=..., period=...)` tells the mission overview what the school
  did per commitment and what is planned, and whose
  `approach_usage(school=..., period=...)` feeds the innovation record with the
  pedagogical approaches its records used;
- a demo seeder, which gives the demo school a lived-in workspace
  (`register_demo_seeder`);
- an evidence provider, which proposes the school's records as evidence for
  its label application (`register_evidence`);
- activity sources, the dated records that draw the overview's chart of
  activity over time (`register_activity`), and a plan-progress provider, the
  action plan's actions per commitment and status (`register_plan_progress`).

So the overview and the navigation never import the apps, and a new app joins
the workspace without editing anyone else's code.

Every provider is given the whole period (`mission.periods.Period`: its first
day and its last, or None for "up to today, with what is planned after it"), so
a past school year counts only that year. What is counted as done must have
happened: within the period and not after now (`Period.window`); what is still
to come is a group marked `planned`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.urls import reverse

from twinschools.mission.periods import Period

OVERVIEW_GROUP = 0
LABEL_GROUP = 6


@dataclass(frozen=True)
class Section:
    key: str
    order: int
    url_name: str  # reversed with the school's pk
    label: Any  # a lazy translated string
    permission: str  # checked against the school
    commitment: int | None = None  # the commitment (1-5) whose work starts here, if any
    # Where the navigation lists it: a commitment (1-5), OVERVIEW_GROUP or LABEL_GROUP;
    # by default the commitment whose work starts here, else the overview.
    group: int | None = None

    @property
    def nav_group(self) -> int:
        if self.group is not None:
            return self.group
        return self.commitment or OVERVIEW_GROUP


@dataclass(frozen=True)
class RecordItem:
    title: str
    url: str
    on: date | None = None


@dataclass(frozen=True)
class RecordGroup:
    """A kind of record a school keeps, counted over the overview's period.

    `url` lists the records behind `count`; `oecd` names the OECD
    learning-organisation dimensions (1-7) this kind of record gives evidence of.
    """

    commitment: int  # 1-5, see core.mission.COMMITMENTS
    key: str  # stable, e.g. "leadership.decisions"
    label: str  # translated, e.g. "Decisions taken"
    count: int
    url: str
    latest: tuple[RecordItem, ...] = ()
    oecd: tuple[int, ...] = ()
    planned: bool = False  # True for what is planned rather than done
    summary: str = ""  # one translated sentence shown with the count, e.g. the reach


@dataclass(frozen=True)
class ApproachUse:
    """How often one kind of record (practices, planned activities...) used one approach."""

    code: str  # a mission.approaches.ApproachCode value
    kind: str  # translated, e.g. "Practices"
    count: int
    url: str  # the records of this kind that use this approach
    latest: tuple[RecordItem, ...] = ()


@dataclass(frozen=True)
class EvidenceCandidate:
    """A record of the school that its label application may give as evidence."""

    commitment: int  # 1-5, the commitment section it is proposed for
    key: str  # stable and unique, e.g. "leadership.outcome:12"
    title: str
    url: str
    on: date | None = None


@dataclass(frozen=True)
class ActivitySource:
    """Records that count as activity for a commitment, dated by one of their fields.

    `records(school, since)` returns the records done since that date; the overview
    counts them per month of `date_field` in one grouped query, never row by row.
    """

    commitment: int  # 1-5
    key: str  # stable, e.g. "leadership.decisions"
    records: Callable[[Any, date], Any]  # (school, since) -> QuerySet
    date_field: str  # a DateField or DateTimeField of the records' model


@dataclass(frozen=True)
class PlanStatusCount:
    """One status of the action plan's actions, counted per commitment (1-5, in order)."""

    status: str  # stable, e.g. "done"
    label: str  # translated
    counts: tuple[int, ...]


class RecordsProvider:
    """An app's one plug-in into the overview, the innovation record and the OECD view.

    Subclass it in the app's `records.py`, override what the app has to tell, and
    register one instance from the app's `AppConfig.ready()` with `register_records`.
    `app` names the app: registering again for the same app replaces its provider.
    """

    app: str = ""

    def records(self, *, school: Any, period: Period) -> list[RecordGroup]:
        """What the school did in the period (only what happened), and what is planned."""
        return []

    def approach_usage(self, *, school: Any, period: Period) -> list[ApproachUse]:
        """How often the app's records done in the period used each pedagogical approach."""
        return []


DemoSeeder = Callable[..., None]  # (*, school, people, rng, today) -> None
EvidenceProvider = Callable[..., list[EvidenceCandidate]]  # (*, school, since, until) -> candidates
PlanProgressProvider = Callable[..., list[PlanStatusCount]]  # (*, school) -> counts per status


@dataclass
class Registry:
    sections: list[Section] = field(default_factory=list)
    providers: list[RecordsProvider] = field(default_factory=list)
    seeders: list[tuple[int, DemoSeeder]] = field(default_factory=list)
    evidence: list[EvidenceProvider] = field(default_factory=list)
    activity: list[ActivitySource] = field(default_factory=list)
    plan_progress: list[PlanProgressProvider] = field(default_factory=list)


REGISTRY = Registry()


def register_section(section: Section) -> None:
    if all(known.key != section.key for known in REGISTRY.sections):
        REGISTRY.sections.append(section)
        REGISTRY.sections.sort(key=lambda known: known.order)


def register_records(provider: RecordsProvider) -> None:
    """Register an app's records provider: one per app, the last registration wins."""
    if not isinstance(provider, RecordsProvider) or not provider.app:
        raise TypeError("Register a RecordsProvider instance that names its app.")
    REGISTRY.providers[:] = [known for known in REGISTRY.providers if known.app != provider.app]
    REGISTRY.providers.append(provider)


def unregister_records(provider: RecordsProvider) -> None:
    if provider in REGISTRY.providers:
        REGISTRY.providers.remove(provider)


def register_demo_seeder(seeder: DemoSeeder, *, order: int) -> None:
    if all(known is not seeder for _order, known in REGISTRY.seeders):
        REGISTRY.seeders.append((order, seeder))
        REGISTRY.seeders.sort(key=lambda pair: pair[0])


def register_evidence(provider: EvidenceProvider) -> None:
    if provider not in REGISTRY.evidence:
        REGISTRY.evidence.append(provider)


def register_activity(source: ActivitySource) -> None:
    if all(known.key != source.key for known in REGISTRY.activity):
        REGISTRY.activity.append(source)


def register_plan_progress(provider: PlanProgressProvider) -> None:
    if provider not in REGISTRY.plan_progress:
        REGISTRY.plan_progress.append(provider)


def activity_sources() -> list[ActivitySource]:
    return list(REGISTRY.activity)


def plan_progress_for(*, school: Any) -> list[PlanStatusCount]:
    """The first provider's counts (one app keeps the action plan); none without one."""
    return REGISTRY.plan_progress[0](school=school) if REGISTRY.plan_progress else []


def evidence_for(*, school: Any, since: date, until: date | None = None) -> list[EvidenceCandidate]:
    """Every provider's candidates for the period, newest first."""
    candidates: list[EvidenceCandidate] = []
    for provider in REGISTRY.evidence:
        candidates += provider(school=school, since=since, until=until)
    return sorted(candidates, key=lambda c: (c.on or date.min, c.key), reverse=True)


def sections_for(user: Any, school: Any) -> list[tuple[Section, str]]:
    """The sections this person may open, with their URLs, in order."""
    return [
        (section, reverse(section.url_name, args=[school.pk]))
        for section in REGISTRY.sections
        if user.has_perm(section.permission, school)
    ]


def records_for(*, school: Any, period: Period) -> list[RecordGroup]:
    groups: list[RecordGroup] = []
    for provider in REGISTRY.providers:
        groups += provider.records(school=school, period=period)
    return groups


def approach_usage_for(*, school: Any, period: Period) -> list[ApproachUse]:
    uses: list[ApproachUse] = []
    for provider in REGISTRY.providers:
        uses += provider.approach_usage(school=school, period=period)
    return uses


def grouped_sections_for(user: Any, school: Any) -> list[tuple[int, list[tuple[Section, str]]]]:
    """The sections this person may open, grouped for the navigation: overview, 1-5, label."""
    groups: dict[int, list[tuple[Section, str]]] = {}
    for section, url in sections_for(user, school):
        groups.setdefault(section.nav_group, []).append((section, url))
    return sorted(groups.items())


def start_section_for(user: Any, school: Any, commitment: int) -> tuple[Section, str] | None:
    """The first section where this person can start work on a commitment."""
    for section, url in sections_for(user, school):
        if section.commitment == commitment:
            return section, url
    return None


def seed_demo(*, school: Any, people: dict[str, Any], rng: Any, today: date) -> None:
    for _order, seeder in REGISTRY.seeders:
        seeder(school=school, people=people, rng=rng, today=today)
