"""How the workspace apps plug into the school's workspace.

Each app registers, from its AppConfig.ready():
- its sections, which make up the workspace navigation (`register_section`);
- a records provider, which tells the mission overview what the school did
  per commitment (`register_records`);
- an approach-usage provider, which feeds the innovation record with the
  pedagogical approaches its records use (`register_approach_usage`);
- a demo seeder, which gives the demo school a lived-in workspace
  (`register_demo_seeder`);
- an evidence provider, which proposes the school's records as evidence for
  its label application (`register_evidence`).

So the overview and the navigation never import the apps, and a new app joins
the workspace without editing anyone else's code.

Providers are called as `provider(school=..., since=...)`. A provider that also
accepts `until` (a date, or None for "up to today and beyond") is given the end
of the period too, so a past school year on the overview counts only that year;
one that does not is counted from `since` on.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from django.urls import reverse

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


RecordsProvider = Callable[..., list[RecordGroup]]  # (*, school, since) -> groups
ApproachUsageProvider = Callable[..., list[ApproachUse]]  # (*, school, since) -> uses
DemoSeeder = Callable[..., None]  # (*, school, people, rng, today) -> None
EvidenceProvider = Callable[..., list[EvidenceCandidate]]  # (*, school, since, until) -> candidates


@dataclass
class Registry:
    sections: list[Section] = field(default_factory=list)
    providers: list[RecordsProvider] = field(default_factory=list)
    approach_usage: list[ApproachUsageProvider] = field(default_factory=list)
    seeders: list[tuple[int, DemoSeeder]] = field(default_factory=list)
    evidence: list[EvidenceProvider] = field(default_factory=list)


REGISTRY = Registry()


def register_section(section: Section) -> None:
    if all(known.key != section.key for known in REGISTRY.sections):
        REGISTRY.sections.append(section)
        REGISTRY.sections.sort(key=lambda known: known.order)


def register_records(provider: RecordsProvider) -> None:
    if provider not in REGISTRY.providers:
        REGISTRY.providers.append(provider)


def unregister_records(provider: RecordsProvider) -> None:
    if provider in REGISTRY.providers:
        REGISTRY.providers.remove(provider)


def register_approach_usage(provider: ApproachUsageProvider) -> None:
    if provider not in REGISTRY.approach_usage:
        REGISTRY.approach_usage.append(provider)


def unregister_approach_usage(provider: ApproachUsageProvider) -> None:
    if provider in REGISTRY.approach_usage:
        REGISTRY.approach_usage.remove(provider)


def register_demo_seeder(seeder: DemoSeeder, *, order: int) -> None:
    if all(known is not seeder for _order, known in REGISTRY.seeders):
        REGISTRY.seeders.append((order, seeder))
        REGISTRY.seeders.sort(key=lambda pair: pair[0])


def register_evidence(provider: EvidenceProvider) -> None:
    if provider not in REGISTRY.evidence:
        REGISTRY.evidence.append(provider)


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


@cache
def _accepts_until(provider: Callable[..., Any]) -> bool:
    parameters = inspect.signature(provider).parameters.values()
    return any(p.name == "until" or p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters)


def _period(provider: Callable[..., Any], since: date, until: date | None) -> dict[str, date | None]:
    return {"since": since, "until": until} if _accepts_until(provider) else {"since": since}


def records_for(*, school: Any, since: date, until: date | None = None) -> list[RecordGroup]:
    groups: list[RecordGroup] = []
    for provider in REGISTRY.providers:
        groups += provider(school=school, **_period(provider, since, until))
    return groups


def approach_usage_for(*, school: Any, since: date, until: date | None = None) -> list[ApproachUse]:
    uses: list[ApproachUse] = []
    for provider in REGISTRY.approach_usage:
        uses += provider(school=school, **_period(provider, since, until))
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
