"""Turns a scale and a seed into the rows of a network, in bounded batches.

Everything is drawn from `random.Random` streams seeded from the seed, one per
phase, so the same seed gives the same network. Primary keys are assigned here
(from the first free id of each table), so rows can point at each other without
asking the database; that is what lets PostgreSQL load them with COPY.

Memory stays bounded at Europe scale: per school and per teacher we keep a few
numbers in `array`s (about 60 MB for 1.2 million teachers), and rows leave in
batches of at most `chunk` rows per table.

The network's realism comes from an engagement weight per school: most
registered schools are dormant, a few are very active. Active schools have more
teachers, take part in more projects (founders and partners are drawn by
engagement), record more activities and are more often labelled, so some
schools meet the eTwinning School label rules and most do not.
"""

from __future__ import annotations

import math
import random
from array import array
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from itertools import accumulate
from typing import Any

from twinschools.accounts.models import Role
from twinschools.network.generation import tables
from twinschools.network.generation.people import NamePool, email_word, name_pool
from twinschools.network.generation.places import CountryPlace, RegionPlace, countries
from twinschools.network.generation.scales import ANCHOR_SCHOOLS, Scale
from twinschools.network.generation.tables import Table
from twinschools.network.generation.texts import TEXT_LANGUAGES, language_of_style, texts_for
from twinschools.network.generation.vocabulary import SCHOOL_STYLES, SchoolStyle
from twinschools.network.models import ActivityKind, ProjectStatus, QualityLabelKind, School, Subject
from twinschools.network.reference import time_zone_for

Row = tuple[Any, ...]
Batch = tuple[Table, list[Row]]

FIRST_REGISTRATION = date(2005, 1, 1)
LAST_REGISTRATION = date(2025, 12, 31)
FIRST_PROJECT_YEAR = 2008
ACTIVITY_START = date(2019, 1, 1)
# Two-year eTwinning School label periods a school may hold.
LABEL_PERIODS = ((2019, 2020), (2020, 2021), (2021, 2022), (2022, 2023), (2023, 2024), (2024, 2025),
                 (2025, 2026), (2026, 2027))  # fmt: skip
SUBJECT_CODES = tuple(Subject.values)
PROJECT_SIZES = (2, 3, 4, 5, 6)
PROJECT_SIZE_WEIGHTS = tuple(accumulate((35, 25, 18, 12, 10)))
NATIONAL_PROJECT_SHARE = 0.15
SECOND_SCHOOL_SHARE = 0.04
LEFT_SCHOOL_SHARE = 0.05
MAX_TEACHERS_PER_SCHOOL = 150
MAX_ACTIVITIES_PER_TEACHER = 400
PROJECT_ACTIVITY_SHARE = 0.4  # of all activities, recorded as project work
UI_LANGUAGES = {"en", "ro", "ca"}
SCHOOL_JITTER_KM = 1.9  # how far a school may lie from its town's point
KM_PER_DEGREE = 111.2  # of latitude, and of longitude at the equator
OTHER_KINDS = (
    ActivityKind.PROFESSIONAL_DEVELOPMENT.value,
    ActivityKind.GROUP.value,
    ActivityKind.EVENT.value,
)
OTHER_KIND_WEIGHTS = tuple(accumulate((45, 25, 30)))


@dataclass(frozen=True)
class References:
    """Ids the rows point at: reference data, and the first free id per table."""

    country_ids: dict[str, int]
    level_ids: dict[str, int]
    language_ids: dict[str, int]
    first_ids: dict[str, int]  # by Table.key


def allocate(total: int, weights: list[float], *, minimum: list[int] | None = None) -> list[int]:
    """`total` shared in proportion to `weights` (largest remainders), respecting minimums."""
    minimum = minimum or [0] * len(weights)
    remaining = max(0, total - sum(minimum))
    weight_sum = sum(weights) or 1.0
    exact = [remaining * weight / weight_sum for weight in weights]
    counts = [math.floor(value) for value in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: (counts[i] - exact[i], i))
    for index in by_remainder[: remaining - sum(counts)]:
        counts[index] += 1
    return [count + floor for count, floor in zip(counts, minimum, strict=True)]


def near(latitude: float, longitude: float, distance_draw: float, angle_draw: float) -> tuple[float, float]:
    """A point at most SCHOOL_JITTER_KM from the town's, spread evenly over the disc.

    Schools of one town then do not stack on one dot, and none strays out of town.
    """
    distance = SCHOOL_JITTER_KM * math.sqrt(distance_draw)
    angle = 2 * math.pi * angle_draw
    north = distance * math.cos(angle) / KM_PER_DEGREE
    east = distance * math.sin(angle) / (KM_PER_DEGREE * math.cos(math.radians(latitude)))
    return round(latitude + north, 5), round(longitude + east, 5)


def stochastic_round(value: float, rng_value: float) -> int:
    whole = int(value)
    return whole + (rng_value < value - whole)


class _Buffers:
    """Rows waiting to be written, flushed table by table in the order first used."""

    def __init__(self, chunk: int) -> None:
        self.chunk = chunk
        self.rows: dict[Table, list[Row]] = {}

    def add(self, table: Table, row: Row) -> None:
        self.rows.setdefault(table, []).append(row)

    def full(self) -> bool:
        return any(len(rows) >= self.chunk for rows in self.rows.values())

    def flush(self) -> Iterator[Batch]:
        for table, rows in self.rows.items():
            if rows:
                yield table, rows
        self.rows = {}


@dataclass
class _SchoolPeople:
    """What the people of one region's schools have in common, and their school's mail domain."""

    pool: NamePool
    ui_language: str
    code: str
    domain: str = ""


@dataclass(frozen=True)
class _RegionPlan:
    country: CountryPlace
    place: RegionPlace
    region_id: int
    schools: int
    style: SchoolStyle
    language: int  # index in TEXT_LANGUAGES: what its schools write in
    town_cumulative: tuple[float, ...]
    pattern_cumulative: tuple[float, ...]


class NetworkBuilder:
    def __init__(self, *, scale: Scale, seed: int, references: References, today: date, chunk: int = 10_000):
        self.scale = scale
        self.seed = seed
        self.refs = references
        self.today = today
        self.chunk = chunk
        self.now = datetime.combine(today, time(12), tzinfo=UTC)
        self.country_codes = sorted(code for code in scale.shares() if code in references.country_ids)
        self.country_index = {code: index for index, code in enumerate(self.country_codes)}
        # Per school, by index (id = first school id + index).
        self.school_country = array("H")
        self.school_engagement = array("d")
        self.school_registered = array("l")
        self.school_language = array("B")  # index in TEXT_LANGUAGES
        self.texts = [texts_for(language) for language in TEXT_LANGUAGES]
        self.country_range: dict[str, tuple[int, int]] = {}
        # Per teacher, by index; teachers of school s are first_teacher[s] .. first_teacher[s+1]-1.
        self.first_teacher = array("l")
        self.teacher_joined = array("l")
        self.teacher_weight_total = 0.0
        self.project_activities = 0

    def _rng(self, phase: str) -> random.Random:
        return random.Random(f"twinschools:{self.seed}:{phase}")

    def _id(self, table: Table, index: int) -> int:
        return self.refs.first_ids[table.key] + index

    def batches(self) -> Iterator[Batch]:
        """Every row of the network, parents before children."""
        plans = self._plan_regions()
        yield (
            tables.REGION,
            [
                (plan.region_id, self.refs.country_ids[plan.country.code], plan.place.code, plan.place.name)
                for plan in plans
            ],
        )
        yield from self._schools(plans)
        yield from self._people(plans)
        yield from self._projects()
        yield from self._other_activities()

    # Regions ---------------------------------------------------------------

    def _plan_regions(self) -> list[_RegionPlan]:
        shares = self.scale.shares()
        per_country = allocate(self.scale.schools, [shares[code] for code in self.country_codes])
        plans: list[_RegionPlan] = []
        for code, count in zip(self.country_codes, per_country, strict=True):
            country = countries()[code]
            plans.extend(self._plan_country(country, count, first_index=len(plans)))
        return plans

    def _plan_country(self, country: CountryPlace, count: int, *, first_index: int) -> list[_RegionPlan]:
        weights = [self._region_weight(region) for region in country.regions]
        minimum = [
            min(ANCHOR_SCHOOLS, count) if region.code in self.scale.anchor_regions else 0
            for region in country.regions
        ]
        if sum(minimum) > count:
            minimum = [0] * len(minimum)
        counts = allocate(count, weights, minimum=minimum)
        plans = []
        for offset, (region, schools) in enumerate(zip(country.regions, counts, strict=True)):
            style = SCHOOL_STYLES[country.style_of(region)]
            plans.append(
                _RegionPlan(
                    country=country,
                    place=region,
                    region_id=self._id(tables.REGION, first_index + offset),
                    schools=schools,
                    style=style,
                    language=TEXT_LANGUAGES.index(language_of_style(country.style_of(region))),
                    town_cumulative=tuple(
                        accumulate(3.0 if i == 0 else 1.0 for i in range(len(region.towns)))
                    ),
                    pattern_cumulative=tuple(accumulate(pattern.weight for pattern in style.patterns)),
                )
            )
        return plans

    def _region_weight(self, region: RegionPlace) -> float:
        boost = next(
            (f for prefix, f in self.scale.region_boost.items() if region.code.startswith(prefix)), 1.0
        )
        return region.weight * boost

    # Schools ---------------------------------------------------------------

    def _schools(self, plans: list[_RegionPlan]) -> Iterator[Batch]:
        rng = self._rng("schools")
        buffers = _Buffers(self.chunk)
        counters = {"level": 0, "language": 0, "label": 0}
        index = 0
        for plan in plans:
            code = plan.country.code
            low, _high = self.country_range.get(code, (index, index))
            for _ in range(plan.schools):
                self._school(rng, plan, index, index - low + 1, buffers, counters)
                index += 1
                if buffers.full():
                    yield from buffers.flush()
            self.country_range[code] = (low, index)
        yield from buffers.flush()

    def _school(
        self,
        rng: random.Random,
        plan: _RegionPlan,
        index: int,
        number_in_country: int,
        buffers: _Buffers,
        counters: dict[str, int],
    ) -> None:
        code = plan.country.code
        style = plan.style
        town_index = bisect_right(plan.town_cumulative, rng.random() * plan.town_cumulative[-1])
        town = plan.place.towns[town_index]
        pattern = style.patterns[
            bisect_right(plan.pattern_cumulative, rng.random() * plan.pattern_cumulative[-1])
        ]
        name = pattern.template.format(
            patron=rng.choice(style.patrons) if style.patrons else "",
            n=1 + int(rng.random() ** 1.5 * 40),
            town=town.name,
            town_gen=town.genitive,
            nature=rng.choice(style.natures) if style.natures else "",
        )
        address = style.address.format(street=rng.choice(style.streets), number=1 + int(rng.random() * 120))
        latitude, longitude = near(town.latitude, town.longitude, rng.random(), rng.random())
        external_id = f"SCH-{code}-{number_in_country:06d}"
        website = f"https://{email_word(name)[:40]}.{code.lower()}.example/" if rng.random() < 0.45 else ""
        registered = FIRST_REGISTRATION.toordinal() + int(
            rng.random() ** 0.7 * (LAST_REGISTRATION.toordinal() - FIRST_REGISTRATION.toordinal())
        )
        school_id = self._id(tables.SCHOOL, index)
        buffers.add(
            tables.SCHOOL,
            (
                school_id,
                external_id,
                name,
                School.search_text_for(name, town.name),
                self.refs.country_ids[code],
                plan.region_id,
                town.name,
                address,
                latitude,
                longitude,
                website,
                time_zone_for(code),
                date.fromordinal(registered),
                self.now,
            ),
        )
        for level in pattern.levels:
            buffers.add(tables.SCHOOL_LEVEL, (self._id(tables.SCHOOL_LEVEL, counters["level"]), school_id,
                                              self.refs.level_ids[level]))  # fmt: skip
            counters["level"] += 1
        for language in self._languages(rng, plan):
            buffers.add(tables.SCHOOL_LANGUAGE, (self._id(tables.SCHOOL_LANGUAGE, counters["language"]),
                                                 school_id, self.refs.language_ids[language]))  # fmt: skip
            counters["language"] += 1
        engagement = self._engagement(rng)
        for first_year, last_year in self._label_periods(rng, engagement):
            buffers.add(tables.SCHOOL_LABEL, (self._id(tables.SCHOOL_LABEL, counters["label"]), school_id,
                                              first_year, last_year))  # fmt: skip
            counters["label"] += 1
        self.school_country.append(self.country_index[code])
        self.school_engagement.append(engagement)
        self.school_registered.append(registered)
        self.school_language.append(plan.language)

    def _languages(self, rng: random.Random, plan: _RegionPlan) -> list[str]:
        chosen = list(plan.country.languages_of(plan.place))
        for extra, chance in (("en", 0.75), ("fr", 0.2), ("de", 0.15)):
            if extra not in chosen and rng.random() < chance:
                chosen.append(extra)
        return [code for code in chosen if code in self.refs.language_ids]

    @staticmethod
    def _engagement(rng: random.Random) -> float:
        # Nearly half the registered schools are dormant; the rest follow a long tail.
        if rng.random() < 0.45:
            return 0.05 + 0.1 * rng.random()
        return min(25.0, rng.paretovariate(1.6))

    @staticmethod
    def _label_periods(rng: random.Random, engagement: float) -> list[tuple[int, int]]:
        if rng.random() >= min(0.7, 0.02 * engagement):
            return []
        # Labels are renewed every two years: pick the latest, then maybe earlier ones.
        latest = len(LABEL_PERIODS) - 1 - int(rng.random() ** 2 * 4)
        periods = [LABEL_PERIODS[latest]]
        earlier = latest - 2
        while earlier >= 0 and rng.random() < 0.5:
            periods.append(LABEL_PERIODS[earlier])
            earlier -= 2
        return periods

    # People ----------------------------------------------------------------

    def _people(self, plans: list[_RegionPlan]) -> Iterator[Batch]:
        rng = self._rng("people")
        buffers = _Buffers(self.chunk)
        engagement_total = sum(0.35 + weight for weight in self.school_engagement) or 1.0
        per_unit = self.scale.teachers / engagement_total
        counters = {"teacher": 0, "membership": 0}
        school = 0
        for plan in plans:
            languages = plan.country.languages_of(plan.place)
            people = _SchoolPeople(
                pool=name_pool(plan.country.locale_of(plan.place)),
                ui_language=next((code for code in languages if code in UI_LANGUAGES), "en"),
                code=plan.country.code,
            )
            low = self.country_range[plan.country.code][0]
            for _ in range(plan.schools):
                people.domain = f"sch-{plan.country.code.lower()}-{school - low + 1:06d}.example"
                self.first_teacher.append(counters["teacher"])
                engagement = 0.35 + self.school_engagement[school]
                count = max(
                    1, min(MAX_TEACHERS_PER_SCHOOL, stochastic_round(per_unit * engagement, rng.random()))
                )
                self.teacher_weight_total += count * engagement
                for position in range(count):
                    self._teacher(rng, people, school, position, buffers, counters)
                school += 1
                if buffers.full():
                    yield from buffers.flush()
        self.first_teacher.append(counters["teacher"])
        yield from buffers.flush()

    def _teacher(
        self,
        rng: random.Random,
        people: _SchoolPeople,
        school: int,
        position: int,
        buffers: _Buffers,
        counters: dict[str, int],
    ) -> None:
        teacher = counters["teacher"]
        counters["teacher"] += 1
        code = people.code
        first, last = people.pool.draw(rng)
        registered = self.school_registered[school]
        joined = registered + int(rng.random() * max(1, self.today.toordinal() - registered))
        self.teacher_joined.append(joined)
        user_id = self._id(tables.USER, teacher)
        school_id = self._id(tables.SCHOOL, school)
        buffers.add(
            tables.USER,
            (
                user_id,
                f"!{rng.getrandbits(160):040x}",  # "!" marks an unusable password
                False,
                f"{email_word(first)}.{email_word(last)}.{teacher + 1}@{people.domain}",
                f"{first} {last}",
                "",
                f"TCH-{code}-{teacher + 1:07d}",
                people.ui_language,
                False,
                True,
                datetime.combine(date.fromordinal(joined), time(8 + int(rng.random() * 10)), tzinfo=UTC),
            ),
        )
        started = date.fromordinal(joined)
        ended = None
        if position > 0 and rng.random() < LEFT_SCHOOL_SHARE:
            ended = date.fromordinal(joined + int(rng.random() * (self.today.toordinal() - joined)))
        roles = [(school_id, Role.TEACHER.value, started, ended)]
        if position == 0:
            roles.append((school_id, Role.HEAD.value, started, None))
        elif rng.random() < SECOND_SCHOOL_SHARE:
            low, high = self.country_range[code]
            other = low + int(rng.random() * (high - low))
            if other != school:
                roles.append((self._id(tables.SCHOOL, other), Role.TEACHER.value, started, None))
        for role_school, role, role_start, role_end in roles:
            buffers.add(
                tables.MEMBERSHIP,
                (self._id(tables.MEMBERSHIP, counters["membership"]), user_id, role_school, role, role_start,
                 role_end),
            )  # fmt: skip
            counters["membership"] += 1

    # Projects --------------------------------------------------------------

    def _projects(self) -> Iterator[Batch]:
        rng = self._rng("projects")
        buffers = _Buffers(self.chunk)
        picker = _SchoolPicker(self)
        counters = {"school": 0, "teacher": 0, "label": 0, "activity": 0, "pairs": 0}
        total = self.scale.projects
        for project in range(total):
            self._project(rng, picker, project, total - project, buffers, counters)
            if buffers.full():
                yield from buffers.flush()
        yield from buffers.flush()
        self.project_activities = counters["activity"]

    def _project(
        self,
        rng: random.Random,
        picker: _SchoolPicker,
        project: int,
        remaining: int,
        buffers: _Buffers,
        counters: dict[str, int],
    ) -> None:
        schools = picker.project_schools(rng)
        # A project cannot start before all its schools had joined eTwinning.
        started = max(self._project_start(rng), *(self.school_registered[school] for school in schools))
        ended = started + 90 + int(rng.random() * 510)
        today = self.today.toordinal()
        if ended > today:
            status, ended_on = ProjectStatus.ACTIVE.value, None
        elif date.fromordinal(ended).year < 2016 and rng.random() < 0.6:
            status, ended_on = ProjectStatus.ARCHIVED.value, date.fromordinal(ended)
        else:
            status, ended_on = ProjectStatus.COMPLETED.value, date.fromordinal(ended)
        # The founding school names the project, in its own language.
        texts = self.texts[self.school_language[schools[0]]]
        title = texts.project_title(rng.choice(texts.project_themes), rng.choice(texts.project_subtitles))
        age_min = rng.choice((3, 5, 6, 8, 10, 11, 12, 13, 14, 15, 16))
        project_id = self._id(tables.PROJECT, project)
        buffers.add(
            tables.PROJECT,
            (
                project_id,
                f"PRJ-{project + 1:07d}",
                title,
                status,
                " ".join(rng.sample(SUBJECT_CODES, 1 + int(rng.random() * 3))),
                age_min,
                min(19, age_min + 1 + int(rng.random() * 5)),
                date.fromordinal(started),
                ended_on,
            ),
        )
        second_founder = rng.random() < 0.3
        pairs: list[tuple[int, int]] = []  # (teacher index, school index)
        for position, school in enumerate(schools):
            buffers.add(tables.PROJECT_SCHOOL, (self._id(tables.PROJECT_SCHOOL, counters["school"]), project_id,
                                                self._id(tables.SCHOOL, school),
                                                position == 0 or (position == 1 and second_founder)))  # fmt: skip
            counters["school"] += 1
            for teacher in self._project_teachers(rng, school):
                buffers.add(tables.PROJECT_TEACHER, (self._id(tables.PROJECT_TEACHER, counters["teacher"]),
                                                     project_id, self._id(tables.USER, teacher),
                                                     self._id(tables.SCHOOL, school)))  # fmt: skip
                counters["teacher"] += 1
                pairs.append((teacher, school))
        counters["pairs"] += len(pairs)
        average_pairs = counters["pairs"] / (project + 1)
        self._project_activities(rng, project_id, title, started, ended, pairs, remaining, average_pairs,
                                 buffers, counters)  # fmt: skip
        if status != ProjectStatus.ACTIVE and date.fromordinal(ended).year >= 2010:
            self._quality_labels(rng, project_id, ended, pairs, remaining, average_pairs, buffers, counters)

    def _project_start(self, rng: random.Random) -> int:
        # eTwinning grew every year: later years get more new projects.
        years = range(FIRST_PROJECT_YEAR, self.today.year + 1)
        cumulative = list(accumulate(1 + (year - FIRST_PROJECT_YEAR) * 0.25 for year in years))
        year = years[bisect_right(cumulative, rng.random() * cumulative[-1])]
        start = date(year, 1, 1).toordinal()
        last = min(date(year, 12, 31).toordinal(), self.today.toordinal())
        return start + int(rng.random() * (last - start + 1))

    def _project_teachers(self, rng: random.Random, school: int) -> list[int]:
        first, after = self.first_teacher[school], self.first_teacher[school + 1]
        count = after - first
        wanted = min(count, 1 + (rng.random() < 0.45) + (rng.random() < 0.15))
        chosen: list[int] = []
        for _ in range(wanted * 4):
            # The first teachers of a school (its head, its eTwinning enthusiasts) do most projects.
            teacher = first + int(rng.random() ** 2 * count)
            if teacher not in chosen:
                chosen.append(teacher)
                if len(chosen) == wanted:
                    break
        return chosen

    def _project_activities(
        self,
        rng: random.Random,
        project_id: int,
        title: str,
        started: int,
        ended: int,
        pairs: list[tuple[int, int]],
        remaining: int,
        average_pairs: float,
        buffers: _Buffers,
        counters: dict[str, int],
    ) -> None:
        window_start = max(started, ACTIVITY_START.toordinal())
        window_end = min(ended, self.today.toordinal())
        if window_end < window_start:
            return
        target = self.scale.activities * PROJECT_ACTIVITY_SHARE
        # Spread what is left of the budget over the projects still to come.
        per_teacher = max(0.0, target - counters["activity"]) / (remaining * average_pairs * 0.7)
        for teacher, school in pairs:
            texts = self.texts[self.school_language[school]]
            for _ in range(stochastic_round(min(per_teacher, 30.0), rng.random())):
                buffers.add(
                    tables.ACTIVITY,
                    (
                        self._id(tables.ACTIVITY, counters["activity"]),
                        self._id(tables.USER, teacher),
                        self._id(tables.SCHOOL, school),
                        ActivityKind.PROJECT.value,
                        project_id,
                        texts.project_work(
                            rng.choice(texts.activity_titles["project"]),
                            project_title=title,
                            detail=rng.choice(texts.project_details),
                        ),
                        date.fromordinal(window_start + int(rng.random() * (window_end - window_start + 1))),
                    ),
                )
                counters["activity"] += 1

    def _quality_labels(
        self,
        rng: random.Random,
        project_id: int,
        ended: int,
        pairs: list[tuple[int, int]],
        remaining: int,
        average_pairs: float,
        buffers: _Buffers,
        counters: dict[str, int],
    ) -> None:
        left = self.scale.quality_labels - counters["label"]
        chance = left / max(1.0, remaining * 0.8 * average_pairs * 0.7 * 1.3)
        if left <= 0 or rng.random() >= chance:
            return
        today = self.today.toordinal()
        national = [pair for pair in pairs if rng.random() < 0.7]
        countries_labelled = {self.school_country[school] for _teacher, school in national}
        european = len(countries_labelled) >= 2 and rng.random() < 0.45
        for teacher, school in national:
            granted = ended + 30 + int(rng.random() * 210)
            kinds = [(QualityLabelKind.NATIONAL.value, granted)]
            if european:
                kinds.append((QualityLabelKind.EUROPEAN.value, granted + 120 + int(rng.random() * 90)))
            for kind, day in kinds:
                if day > today:
                    continue
                counters["label"] += 1
                buffers.add(
                    tables.QUALITY_LABEL,
                    (
                        self._id(tables.QUALITY_LABEL, counters["label"] - 1),
                        f"QL-{counters['label']:07d}",
                        kind,
                        self._id(tables.USER, teacher),
                        project_id,
                        self._id(tables.SCHOOL, school),
                        date.fromordinal(day),
                    ),
                )

    # Other activities ------------------------------------------------------

    def _other_activities(self) -> Iterator[Batch]:
        rng = self._rng("activities")
        buffers = _Buffers(self.chunk)
        target = max(0, self.scale.activities - self.project_activities)
        per_weight = target / (self.teacher_weight_total or 1.0)
        activity = self.project_activities
        start, today = ACTIVITY_START.toordinal(), self.today.toordinal()
        random_value = rng.random
        for school in range(len(self.school_engagement)):
            school_rate = per_weight * (0.35 + self.school_engagement[school])
            school_id = self._id(tables.SCHOOL, school)
            titles = self.texts[self.school_language[school]].activity_titles
            for teacher in range(self.first_teacher[school], self.first_teacher[school + 1]):
                # A third of teachers record nothing; the others vary a lot (mean 1).
                drive = 0.0 if random_value() < 0.3 else rng.expovariate(1.0) / 0.7
                count = min(MAX_ACTIVITIES_PER_TEACHER, stochastic_round(school_rate * drive, random_value()))
                first_day = max(start, self.teacher_joined[teacher])
                span = max(1, today - first_day + 1)
                user_id = self._id(tables.USER, teacher)
                for _ in range(count):
                    kind = OTHER_KINDS[bisect_right(OTHER_KIND_WEIGHTS, random_value() * 100)]
                    buffers.add(
                        tables.ACTIVITY,
                        (
                            self._id(tables.ACTIVITY, activity),
                            user_id,
                            school_id,
                            kind,
                            None,
                            rng.choice(titles[kind]),
                            date.fromordinal(min(today, first_day + int(random_value() * span))),
                        ),
                    )
                    activity += 1
            if buffers.full():
                yield from buffers.flush()
        yield from buffers.flush()


class _SchoolPicker:
    """Draws project schools by engagement: the founder anywhere, partners mostly abroad."""

    def __init__(self, builder: NetworkBuilder) -> None:
        self.builder = builder
        self.cumulative = array("d", accumulate(builder.school_engagement))
        self.ranges = [builder.country_range.get(code, (0, 0)) for code in builder.country_codes]
        self.country_cumulative = list(accumulate(self._mass(low, high) for low, high in self.ranges))

    def _mass(self, low: int, high: int) -> float:
        if high <= low:
            return 0.0
        return self.cumulative[high - 1] - (self.cumulative[low - 1] if low else 0.0)

    def _school_in(self, rng: random.Random, low: int, high: int) -> int:
        base = self.cumulative[low - 1] if low else 0.0
        point = base + rng.random() * (self.cumulative[high - 1] - base)
        return min(high - 1, bisect_right(self.cumulative, point, low, high))

    def _country(self, rng: random.Random) -> int:
        point = rng.random() * self.country_cumulative[-1]
        return min(len(self.ranges) - 1, bisect_right(self.country_cumulative, point))

    def project_schools(self, rng: random.Random) -> list[int]:
        founder = self._school_in(rng, 0, len(self.cumulative))
        home = self.builder.school_country[founder]
        size = PROJECT_SIZES[bisect_right(PROJECT_SIZE_WEIGHTS, rng.random() * PROJECT_SIZE_WEIGHTS[-1])]
        national = rng.random() < NATIONAL_PROJECT_SHARE
        chosen = [founder]
        for _ in range(size * 6):
            if len(chosen) == size:
                break
            country = home if national else self._country(rng)
            if not national and country == home and len(self.ranges) > 1:
                continue
            low, high = self.ranges[country]
            if high > low:
                school = self._school_in(rng, low, high)
                if school not in chosen:
                    chosen.append(school)
        if len(chosen) < 2:  # a one-country network still makes two-school projects
            low, high = self.ranges[home]
            chosen.extend(school for school in range(low, high) if school != founder)
            chosen = chosen[:2] if len(chosen) >= 2 else chosen
        return chosen
