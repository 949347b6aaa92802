"""What an import tells the person who ran it: counts per file, or every problem."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

# A file where every row is wrong would otherwise list millions of problems; past
# this many, the person has enough to fix, and memory stays bounded.
MAX_PROBLEMS = 1000


@dataclass(frozen=True)
class Problem:
    """One reason why nothing was imported. `message` is a whole translated sentence."""

    file: str
    row: int | None  # None: about the whole import, not one row
    column: str  # "" when no single column is at fault
    message: str

    def __str__(self) -> str:
        place = ":".join(str(part) for part in (self.file, self.row, self.column) if part not in ("", None))
        return f"{place}: {self.message}"


@dataclass
class FileReport:
    file: str
    kind: str
    kind_label: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def rows(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass
class ImportReport:
    files: list[FileReport] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def imported(self) -> bool:
        """True when the rows were written (no problem, not a dry run)."""
        return self.ok and not self.dry_run


class TooManyProblems(Exception):
    pass


class Problems:
    """Collects problems; stops the import once MAX_PROBLEMS are collected."""

    def __init__(self, items: list[Problem]) -> None:
        self.items = items

    def __bool__(self) -> bool:
        return bool(self.items)

    def add(self, file: str, row: int | None, column: str, message: str) -> None:
        if len(self.items) >= MAX_PROBLEMS:
            self.items.append(
                Problem(
                    file,
                    None,
                    "",
                    _(
                        "The import stopped after %(count)d problems. Fix these, then import the files "
                        "again to see whether more remain."
                    )
                    % {"count": MAX_PROBLEMS},
                )
            )
            raise TooManyProblems
        self.items.append(Problem(file, row, column, message))
