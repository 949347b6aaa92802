"""Reading CSV files: encoding and delimiter detection, then rows one at a time.

A file is read line by line from its binary stream, so a 200 MB upload never
sits in memory. Lines are decoded one by one: a UTF-8 character never
contains the newline byte, so splitting before decoding is safe, and a
decoding error can be reported with the row it happened on.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from django.utils.translation import gettext as _

from twinschools.network.importing.formats import KINDS, FileKind, best_kind, column_name, header_score

ACCEPTED_DELIMITERS = (",", ";", "\t")
# Delimiters we refuse but recognise, to tell the person what went wrong.
OTHER_DELIMITERS = ("|", ":", "/")
UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# No row of a valid file comes near this; a longer "line" means a binary or
# broken file, and stopping there keeps memory bounded.
MAX_LINE_BYTES = 1024 * 1024
# The first row only names the columns: a few hundred bytes. A longer one is not a header
# (and a value longer than the csv module's 128 KB would stop the reader mid-line).
MAX_HEADER_BYTES = 64 * 1024


@dataclass(frozen=True)
class FileProblem:
    row: int | None
    column: str
    message: str


class UnreadableFile(Exception):
    """The file cannot be read on; `problems` say why."""

    def __init__(self, *problems: FileProblem) -> None:
        super().__init__(problems)
        self.problems = list(problems)


class _NotUtf8(Exception):
    pass


class _LineTooLong(Exception):
    pass


def delimiter_name(delimiter: str) -> str:
    return _("tab") if delimiter == "\t" else delimiter


def not_utf8_message() -> str:
    return _(
        "This file is not encoded in UTF-8 (it may be in Windows-1250 or Latin-1, as older spreadsheets "
        "save it). Save it again as “CSV UTF-8” and import it again."
    )


@dataclass
class CsvFile:
    """An opened file whose header was read; `rows()` streams the rest."""

    name: str
    kind: FileKind
    columns: list[str]  # normalised header cells, in file order ("" for ignored ones)
    delimiter: str
    _lines: Iterator[str]

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """Yield (row number, values); the header is row 1, as in a spreadsheet.

        Raises UnreadableFile when the rest of the file cannot be read.
        """
        row_number = 1
        try:
            for values in csv.reader(self._lines, delimiter=self.delimiter):
                row_number += 1
                if "".join(values).strip():  # skip empty rows, even ";;;;"
                    yield row_number, values
        except _NotUtf8:
            raise UnreadableFile(FileProblem(row_number + 1, "", not_utf8_message())) from None
        except _LineTooLong:
            raise UnreadableFile(FileProblem(row_number + 1, "", _line_too_long_message())) from None
        except csv.Error:
            raise UnreadableFile(
                FileProblem(
                    row_number + 1,
                    "",
                    _(
                        "This row cannot be read: a quotation mark is never closed, "
                        "or a value is longer than 128 KB."
                    ),
                )
            ) from None


def _line_too_long_message() -> str:
    return _("This row is longer than 1 MB, so the file is probably not a CSV file.")


def open_csv(name: str, binary: BinaryIO) -> CsvFile:
    """Read the header of a file and recognise its kind, or raise UnreadableFile."""
    first = binary.readline(MAX_LINE_BYTES + 1)
    header_line = _decode_header(first)
    delimiter = _choose_delimiter(header_line)
    cells = next(csv.reader([header_line], delimiter=delimiter), [])
    columns = _significant_columns([column_name(cell) for cell in cells])
    kind = best_kind(columns)
    if kind is None:  # _choose_delimiter only returns delimiters with a known kind
        raise UnreadableFile(FileProblem(1, "", _unknown_header_message()))
    _check_header(kind, columns)
    return CsvFile(name, kind, columns, delimiter, _decoded_lines(binary))


def _decode_header(first: bytes) -> str:
    if not first.strip():
        raise UnreadableFile(
            FileProblem(1, "", _("This file is empty: its first row should name the columns."))
        )
    if first.startswith(UTF16_BOMS):
        raise UnreadableFile(
            FileProblem(
                1,
                "",
                _(
                    "This file is encoded in UTF-16 (“Unicode text”). Save it again as “CSV UTF-8” "
                    "and import it again."
                ),
            )
        )
    if len(first) > MAX_HEADER_BYTES:
        raise UnreadableFile(
            FileProblem(
                1,
                "",
                _(
                    "The first row is longer than 64 KB, so it does not name columns: the file is probably "
                    "not a CSV file, or its first row is missing."
                ),
            )
        )
    try:
        return first.removeprefix(UTF8_BOM).decode("utf-8")
    except UnicodeDecodeError:
        raise UnreadableFile(FileProblem(1, "", not_utf8_message())) from None


def _choose_delimiter(header_line: str) -> str:
    """The accepted delimiter that makes the header name a known kind of file best."""
    scores = {delimiter: header_score(_split(header_line, delimiter)) for delimiter in ACCEPTED_DELIMITERS}
    delimiter = max(scores, key=lambda one: scores[one])
    if scores[delimiter]:
        return delimiter
    for other in OTHER_DELIMITERS:
        if header_score(_split(header_line, other)):
            raise UnreadableFile(
                FileProblem(
                    1,
                    "",
                    _(
                        "The columns of this file seem to be separated by “%(delimiter)s”. Separate them "
                        "with commas, semicolons or tabs, and import the file again."
                    )
                    % {"delimiter": other},
                )
            )
    raise UnreadableFile(FileProblem(1, "", _unknown_header_message()))


def _split(line: str, delimiter: str) -> list[str]:
    try:
        return [column_name(cell) for cell in next(csv.reader([line], delimiter=delimiter), [])]
    except csv.Error:  # a quotation mark never closed, for this delimiter
        return []


def _unknown_header_message() -> str:
    kinds = "; ".join(f"{kind.label}: {', '.join(kind.required_names)}" for kind in KINDS)
    return _(
        "The first row names no known kind of file. It should name the columns of one of these kinds "
        "(required columns shown), separated by commas, semicolons or tabs: %(kinds)s."
    ) % {"kinds": kinds}


def _significant_columns(columns: list[str]) -> list[str]:
    """Drop trailing unnamed columns: spreadsheets sometimes add empty ones."""
    while columns and not columns[-1]:
        columns.pop()
    return columns


def _check_header(kind: FileKind, columns: list[str]) -> None:
    problems = []
    known = ", ".join(kind.names)
    first_position: dict[str, int] = {}
    for position, column in enumerate(columns, start=1):
        if not column:
            problems.append(
                FileProblem(
                    1, "", _("Column %(position)d of the header has no name.") % {"position": position}
                )
            )
        elif column not in kind.names:
            problems.append(
                FileProblem(
                    1,
                    column,
                    _("“%(column)s” is not a column of a file of %(kind)s, whose columns are: %(known)s.")
                    % {"column": column, "kind": kind.label, "known": known},
                )
            )
        elif first_position.setdefault(column, position) != position:
            problems.append(
                FileProblem(1, column, _("The column “%(column)s” appears twice.") % {"column": column})
            )
    required = ", ".join(kind.required_names)
    problems.extend(
        FileProblem(
            1,
            missing,
            _("The column “%(column)s” is missing; a file of %(kind)s needs the columns %(required)s.")
            % {"column": missing, "kind": kind.label, "required": required},
        )
        for missing in kind.required_names
        if missing not in columns
    )
    if problems:
        raise UnreadableFile(*problems)


def _decoded_lines(binary: BinaryIO) -> Iterator[str]:
    """The lines after the header, decoded one at a time."""
    for line in iter(lambda: binary.readline(MAX_LINE_BYTES + 1), b""):
        if len(line) > MAX_LINE_BYTES:
            raise _LineTooLong
        try:
            decoded = line.decode("utf-8")
        except UnicodeDecodeError:
            raise _NotUtf8 from None
        yield decoded
