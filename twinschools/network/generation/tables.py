"""The tables the generator fills, and the column order of its rows.

Rows are plain tuples in this order, so one generator feeds both sinks: COPY
writes them as they are, bulk_create builds model instances from them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models

from twinschools.accounts.models import Membership, User
from twinschools.network.models import (
    Activity,
    Project,
    ProjectSchool,
    ProjectTeacher,
    QualityLabel,
    Region,
    School,
    SchoolLabel,
)


@dataclass(frozen=True, eq=False)  # hashed by identity: rows are grouped by table millions of times
class Table:
    key: str
    model: type[models.Model]
    columns: tuple[str, ...]

    @property
    def db_table(self) -> str:
        return self.model._meta.db_table


REGION = Table("regions", Region, ("id", "country_id", "code", "name"))
SCHOOL = Table(
    "schools",
    School,
    (
        "id",
        "external_id",
        "name",
        "search_text",
        "country_id",
        "region_id",
        "town",
        "address",
        "latitude",
        "longitude",
        "website",
        "time_zone",
        "registered_on",
        "updated_at",
    ),
)
SCHOOL_LEVEL = Table("school levels", School.levels.through, ("id", "school_id", "level_id"))
SCHOOL_LANGUAGE = Table("school languages", School.languages.through, ("id", "school_id", "language_id"))
SCHOOL_LABEL = Table("school labels", SchoolLabel, ("id", "school_id", "first_year", "last_year"))
USER = Table(
    "people",
    User,
    (
        "id",
        "password",
        "is_superuser",
        "email",
        "full_name",
        "display_name",
        "external_id",
        "language",
        "is_staff",
        "is_active",
        "date_joined",
    ),
)
MEMBERSHIP = Table(
    "memberships", Membership, ("id", "user_id", "school_id", "role", "started_on", "ended_on")
)
PROJECT = Table(
    "projects",
    Project,
    ("id", "external_id", "title", "status", "subjects", "age_min", "age_max", "started_on", "ended_on"),
)
PROJECT_SCHOOL = Table("project schools", ProjectSchool, ("id", "project_id", "school_id", "is_founder"))
PROJECT_TEACHER = Table("project teachers", ProjectTeacher, ("id", "project_id", "teacher_id", "school_id"))
QUALITY_LABEL = Table(
    "quality labels",
    QualityLabel,
    ("id", "external_id", "kind", "teacher_id", "project_id", "school_id", "granted_on"),
)
ACTIVITY = Table(
    "activities",
    Activity,
    ("id", "teacher_id", "school_id", "kind", "project_id", "title", "occurred_on"),
)

ALL_TABLES = (
    REGION,
    SCHOOL,
    SCHOOL_LEVEL,
    SCHOOL_LANGUAGE,
    SCHOOL_LABEL,
    USER,
    MEMBERSHIP,
    PROJECT,
    PROJECT_SCHOOL,
    PROJECT_TEACHER,
    QUALITY_LABEL,
    ACTIVITY,
)
