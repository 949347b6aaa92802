"""A header no spreadsheet writes is a problem listed, never a server error."""

from __future__ import annotations

import pytest

from tests.network.test_import import SCHOOLS_HEADER, messages, places, run
from twinschools.network.models import School

pytestmark = pytest.mark.django_db


def test_a_header_line_of_888_kb_is_a_problem_listed() -> None:
    header = ",".join(SCHOOLS_HEADER) + "," + "x" * (888 * 1024)
    report = run(("schools.csv", header.encode() + "\r\nS-1,Școala,RO,Cluj,2020-01-01\r\n".encode()))

    assert places(report) == {("schools.csv", 1, "")}
    assert "longer than 64 KB" in messages(report)
    assert School.objects.count() == 0


def test_a_header_of_one_value_longer_than_the_csv_modules_limit_is_a_problem_listed() -> None:
    report = run(("schools.csv", b'"' + b"y" * 200_000 + b'"\r\n'))

    assert "longer than 64 KB" in messages(report)


def test_a_header_of_thousands_of_columns_is_checked_at_once() -> None:
    header = ",".join([*SCHOOLS_HEADER, *(["name"] * 10_000)])
    report = run(("schools.csv", header.encode() + b"\r\n"))

    assert "appears twice" in messages(report)
