"""A small network for the label tests: a school that meets every rule, and knobs to break one."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from tests import factories
from twinschools.accounts.models import Role, User
from twinschools.labels.models import Eligibility, Round
from twinschools.network.models import Project, School

TODAY = datetime.date(2026, 2, 1)


def round_named(name: str) -> Round:
    return Round.objects.get(name=name)


def european_project(school: School, title: str = "Water Stories") -> Project:
    project = factories.ProjectFactory(title=title)
    factories.ProjectSchoolFactory(project=project, school=school)
    factories.ProjectSchoolFactory(
        project=project, school=factories.SchoolFactory(country=factories.country("ES"))
    )
    return project


def national_project(school: School) -> Project:
    project = factories.ProjectFactory(title="Our Town")
    factories.ProjectSchoolFactory(project=project, school=school)
    factories.ProjectSchoolFactory(project=project, school=factories.SchoolFactory(country=school.country))
    return project


def teacher_at(school: School, *, role: str = Role.TEACHER, ended_on: datetime.date | None = None) -> User:
    person = factories.UserFactory()
    factories.MembershipFactory(
        user=person, school=school, role=role, started_on=datetime.date(2015, 1, 1), ended_on=ended_on
    )
    return person


@dataclass
class Setup:
    school: School
    teachers: list[User]
    project: Project


def eligible_school(
    *,
    registered_on: datetime.date = datetime.date(2019, 3, 2),
    teachers: int = 3,
    active_on: datetime.date = datetime.date(2024, 10, 1),
    nql_on: datetime.date = datetime.date(2024, 6, 1),
    kind: str = "project",
) -> Setup:
    """A school meeting the 2026-27 rules: registered early, active teachers, an NQL at the school."""
    school = factories.SchoolFactory(registered_on=registered_on)
    people = [teacher_at(school) for _ in range(teachers)]
    for person in people:
        factories.ActivityFactory(teacher=person, school=school, kind=kind, occurred_on=active_on)
    project = european_project(school)
    factories.QualityLabelFactory(teacher=people[0], project=project, school=school, granted_on=nql_on)
    return Setup(school, people, project)


def result(round: Round, school: School) -> Eligibility:
    return Eligibility.objects.get(round=round, school=school)


def rules_of(item: Eligibility) -> dict[str, bool]:
    return {reason["rule"]: reason["ok"] for reason in item.reason_list}
