"""The kinds of import file, their columns, and how each value is read.

This module only knows the syntax of a value ("is it a date?"). Whether a
referenced school or person exists is the services' business, since that needs
the database. Every message is a whole sentence, translated when it is raised,
so it comes out in the language active during the import.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from twinschools.accounts.models import Role
from twinschools.network.models import (
    ActivityKind,
    EducationLevel,
    ProjectStatus,
    QualityLabelKind,
    Subject,
)

EXTERNAL_ID_MAX_LENGTH = 64
# Values quoted back in messages are cut, so one absurd cell cannot flood a report.
QUOTED_VALUE_MAX_LENGTH = 60
LIST_SEPARATOR = "|"
_CODE_SEPARATORS = re.compile(r"[\s|]+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_COUNTRY_CODE = re.compile(r"[A-Z]{2}")
_NOT_IN_EXTERNAL_IDS = re.compile(r"[\s|]")


class ValueProblem(Exception):
    """A value that cannot be read. `message` is a whole translated sentence."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def quoted(value: str) -> str:
    if len(value) > QUOTED_VALUE_MAX_LENGTH:
        return value[: QUOTED_VALUE_MAX_LENGTH - 1] + "…"
    return value


Parser = Callable[[str], Any]


# --- Parsers: each takes a stripped, non-blank value. -----------------------------------


def text(max_length: int) -> Parser:
    def parse(value: str) -> str:
        if len(value) > max_length:
            raise ValueProblem(
                _("This value has %(length)d characters; at most %(max)d are allowed.")
                % {"length": len(value), "max": max_length}
            )
        return value

    return parse


def external_id(value: str) -> str:
    if len(value) > EXTERNAL_ID_MAX_LENGTH:
        raise ValueProblem(
            _("The external id “%(value)s” is longer than %(max)d characters.")
            % {"value": quoted(value), "max": EXTERNAL_ID_MAX_LENGTH}
        )
    if _NOT_IN_EXTERNAL_IDS.search(value):
        raise ValueProblem(
            _("The external id “%(value)s” contains a space or a “|”, which external ids may not contain.")
            % {"value": quoted(value)}
        )
    return value


def external_ids(*, at_least: int = 0, at_most: int | None = None) -> Parser:
    """Several external ids separated by "|", each at most once."""

    def parse(value: str) -> list[str]:
        ids = [external_id(part.strip()) for part in value.split(LIST_SEPARATOR) if part.strip()]
        repeated = sorted({one for one in ids if ids.count(one) > 1})
        if repeated:
            raise ValueProblem(
                _("The external id “%(value)s” is listed twice.") % {"value": quoted(repeated[0])}
            )
        if len(ids) < at_least or (at_most is not None and len(ids) > at_most):
            raise ValueProblem(
                _(
                    "List between %(least)d and %(most)d external ids, separated by “|”; this cell lists %(count)d."
                )
                % {"least": at_least, "most": at_most or len(ids), "count": len(ids)}
            )
        return ids

    return parse


def teacher_pairs(value: str) -> list[tuple[str, str]]:
    """Teachers of a project as "person@school" pairs separated by "|"."""
    pairs = []
    for part in (piece.strip() for piece in value.split(LIST_SEPARATOR)):
        if not part:
            continue
        person, at, school = part.rpartition("@")
        if not at or not person or not school:
            raise ValueProblem(
                _(
                    "“%(value)s” is not a pair of teacher and school written as person@school, "
                    "for example T-RO-0001@S-RO-0001."
                )
                % {"value": quoted(part)}
            )
        pairs.append((external_id(person), external_id(school)))
    return pairs


def choice(choices: type[Enum], *, refused: dict[str, Promise] | None = None) -> Parser:
    """One code of a TextChoices; `refused` codes get their own explanation."""
    refused = refused or {}
    accepted = [str(member.value) for member in choices if str(member.value) not in refused]

    def parse(value: str) -> str:
        code = value.lower()
        if code in refused:
            raise ValueProblem(str(refused[code]))
        if code not in accepted:
            raise ValueProblem(
                _("“%(value)s” is not one of the accepted values: %(accepted)s.")
                % {"value": quoted(value), "accepted": ", ".join(accepted)}
            )
        return code

    return parse


def codes(allowed: Iterable[str] | None = None) -> Parser:
    """Codes separated by spaces or "|", each once, in the order given.

    Without `allowed`, the codes are checked later against a database table.
    """
    known = None if allowed is None else list(allowed)

    def parse(value: str) -> list[str]:
        found = list(dict.fromkeys(code.lower() for code in _CODE_SEPARATORS.split(value) if code))
        unknown = [code for code in found if known is not None and code not in known]
        if unknown and known is not None:
            raise ValueProblem(
                _("“%(value)s” is not one of the accepted codes: %(accepted)s.")
                % {"value": quoted(unknown[0]), "accepted": ", ".join(known)}
            )
        return found

    return parse


def iso_date(value: str) -> date:
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise ValueProblem(
            _("“%(value)s” is not a date written as YYYY-MM-DD, for example 2025-03-31.")
            % {"value": quoted(value)}
        ) from None


def decimal_number(*, minimum: float, maximum: float) -> Parser:
    def parse(value: str) -> float:
        try:
            # Spreadsheets in Romanian and Catalan write a decimal comma.
            number = float(value.replace(",", "."))
        except ValueError:
            raise ValueProblem(
                _("“%(value)s” is not a number, such as 46.77.") % {"value": quoted(value)}
            ) from None
        if not minimum <= number <= maximum:
            raise ValueProblem(
                _("%(value)s is not between %(min)s and %(max)s.")
                % {"value": quoted(value), "min": minimum, "max": maximum}
            )
        return number

    return parse


def whole_number(*, minimum: int, maximum: int) -> Parser:
    def parse(value: str) -> int:
        if not (value.isascii() and value.isdigit()):
            raise ValueProblem(_("“%(value)s” is not a whole number, such as 12.") % {"value": quoted(value)})
        number = int(value)
        if not minimum <= number <= maximum:
            raise ValueProblem(
                _("%(value)s is not between %(min)d and %(max)d.")
                % {"value": number, "min": minimum, "max": maximum}
            )
        return number

    return parse


def web_address(value: str) -> str:
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise ValueProblem(
            _("“%(value)s” is not a web address starting with https:// or http://.")
            % {"value": quoted(value)}
        ) from None
    return text(200)(value)


def email_address(value: str) -> str:
    address = value.lower()
    try:
        EmailValidator()(address)
    except ValidationError:
        raise ValueProblem(_("“%(value)s” is not an e-mail address.") % {"value": quoted(value)}) from None
    return text(254)(address)


def country_code(value: str) -> str:
    code = value.upper()
    if not _COUNTRY_CODE.fullmatch(code):
        raise ValueProblem(
            _("“%(value)s” is not a two-letter ISO country code, such as RO or ES.")
            % {"value": quoted(value)}
        )
    return code


# --- File kinds. ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A column; a required one must be in the header and never be blank."""

    name: str
    parse: Parser
    required: bool = False


@dataclass(frozen=True)
class FileKind:
    name: str
    label: Promise
    columns: tuple[Column, ...]

    @property
    def names(self) -> list[str]:
        return [column.name for column in self.columns]

    @property
    def required_names(self) -> list[str]:
        return [column.name for column in self.columns if column.required]

    @property
    def optional_names(self) -> list[str]:
        return [column.name for column in self.columns if not column.required]

    def column(self, name: str) -> Column:
        return next(column for column in self.columns if column.name == name)


PUPILS_ARE_NOT_IMPORTED = gettext_lazy(
    "Pupils are never imported: their teachers add them in TwinSchools, "
    "with their parents' consent. Remove the rows with the role “student”."
)

SCHOOLS = FileKind(
    name="schools",
    label=gettext_lazy("schools"),
    columns=(
        Column("external_id", external_id, required=True),
        Column("name", text(255), required=True),
        Column("country", country_code, required=True),
        Column("region_code", text(12)),
        Column("region_name", text(120)),
        Column("town", text(120), required=True),
        Column("address", text(255)),
        Column("latitude", decimal_number(minimum=-90, maximum=90)),
        Column("longitude", decimal_number(minimum=-180, maximum=180)),
        Column("website", web_address),
        Column("registered_on", iso_date, required=True),
        Column("levels", codes(EducationLevel.values)),
        Column("languages", codes()),
    ),
)

PEOPLE = FileKind(
    name="people",
    label=gettext_lazy("people"),
    columns=(
        Column("external_id", external_id, required=True),
        Column("email", email_address, required=True),
        Column("full_name", text(200), required=True),
        Column("school_external_id", external_id, required=True),
        Column("role", choice(Role, refused={Role.STUDENT.value: PUPILS_ARE_NOT_IMPORTED}), required=True),
        Column("started_on", iso_date, required=True),
        Column("ended_on", iso_date),
    ),
)

PROJECTS = FileKind(
    name="projects",
    label=gettext_lazy("projects"),
    columns=(
        Column("external_id", external_id, required=True),
        Column("title", text(255), required=True),
        Column("status", choice(ProjectStatus)),
        Column("subjects", codes(Subject.values)),
        Column("age_min", whole_number(minimum=0, maximum=99), required=True),
        Column("age_max", whole_number(minimum=0, maximum=99), required=True),
        Column("started_on", iso_date, required=True),
        Column("ended_on", iso_date),
        Column("founder_external_ids", external_ids(at_least=1, at_most=2), required=True),
        Column("partner_external_ids", external_ids()),
        Column("teacher_external_ids", teacher_pairs),
    ),
)

QUALITY_LABELS = FileKind(
    name="quality_labels",
    label=gettext_lazy("quality labels"),
    columns=(
        Column("external_id", external_id, required=True),
        Column("kind", choice(QualityLabelKind), required=True),
        Column("teacher_external_id", external_id, required=True),
        Column("project_external_id", external_id, required=True),
        Column("school_external_id", external_id, required=True),
        Column("granted_on", iso_date, required=True),
    ),
)

ACTIVITIES = FileKind(
    name="activities",
    label=gettext_lazy("activities"),
    columns=(
        Column("external_id", external_id, required=True),
        Column("teacher_external_id", external_id, required=True),
        Column("school_external_id", external_id, required=True),
        Column("kind", choice(ActivityKind), required=True),
        Column("project_external_id", external_id),
        Column("title", text(255), required=True),
        Column("occurred_on", iso_date, required=True),
    ),
)

# In dependency order: each kind refers only to kinds before it.
KINDS: tuple[FileKind, ...] = (SCHOOLS, PEOPLE, PROJECTS, QUALITY_LABELS, ACTIVITIES)


def column_name(header_cell: str) -> str:
    """Header cells are compared trimmed, case-insensitively, with spaces as underscores."""
    return "_".join(header_cell.strip().lower().split())


def best_kind(header: Sequence[str]) -> FileKind | None:
    """The kind whose columns the header names best, if it names enough of them.

    Enough means at least two known columns, and at least half of that kind's
    required ones: a header in a wrong delimiter reads as one unknown column.
    """
    names = set(header)
    scored = [(len(names & set(kind.names)), kind) for kind in KINDS]
    score, kind = max(scored, key=lambda pair: pair[0])
    if score >= 2 and 2 * len(names & set(kind.required_names)) >= len(kind.required_names):
        return kind
    return None


def header_score(header: Sequence[str]) -> int:
    """How many columns of the best-matching kind the header names (0 if none)."""
    kind = best_kind(header)
    return len(set(header) & set(kind.names)) if kind else 0
