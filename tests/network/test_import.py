"""Importing the network from CSV files: the service, the command and the web page.

The documented examples (docs/import-examples/) are the clean import, so the
documentation cannot drift from what the importer accepts.
"""

from __future__ import annotations

import csv
import html
import io
import time
import tracemalloc
import uuid
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from twinschools.accounts.models import CountryRole, Membership, Role, User
from twinschools.core.models import AuditEvent, Job
from twinschools.network.importing.services import ImportReport, import_network_files
from twinschools.network.models import (
    Activity,
    Country,
    Project,
    ProjectSchool,
    ProjectTeacher,
    QualityLabel,
    Region,
    School,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "import-examples"
EXAMPLE_NAMES = ["schools.csv", "people.csv", "projects.csv", "quality_labels.csv", "activities.csv"]
SCHOOLS_HEADER = ["external_id", "name", "country", "town", "registered_on"]
PEOPLE_HEADER = ["external_id", "email", "full_name", "school_external_id", "role", "started_on", "ended_on"]
ACTIVITIES_HEADER = [
    "external_id",
    "teacher_external_id",
    "school_external_id",
    "kind",
    "project_external_id",
    "title",
    "occurred_on",
]


# --- Helpers. --------------------------------------------------------------------------------


def csv_bytes(header: list[str], rows: Iterable[list[str]], *, delimiter: str = ",") -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return text.getvalue().encode()


def run(*files: tuple[str, bytes], scope: set[int] | None = None, dry_run: bool = False) -> ImportReport:
    return import_network_files(
        files=[(name, io.BytesIO(data)) for name, data in files],
        by=None,
        country_scope=scope,
        dry_run=dry_run,
    )


def examples(*names: str) -> list[tuple[str, bytes]]:
    return [(name, (EXAMPLES / name).read_bytes()) for name in names or EXAMPLE_NAMES]


def counts(report: ImportReport) -> dict[str, tuple[int, int, int]]:
    return {file.file: (file.created, file.updated, file.unchanged) for file in report.files}


def places(report: ImportReport) -> set[tuple[str, int | None, str]]:
    return {(problem.file, problem.row, problem.column) for problem in report.problems}


def messages(report: ImportReport) -> str:
    return "\n".join(str(problem) for problem in report.problems)


def table_counts() -> dict[str, int]:
    models = (
        School,
        Region,
        User,
        Membership,
        Project,
        ProjectSchool,
        ProjectTeacher,
        QualityLabel,
        Activity,
    )
    tallies = {model.__name__: model.objects.count() for model in models}
    tallies["school levels"] = School.levels.through.objects.count()
    tallies["audit events"] = AuditEvent.objects.count()
    return tallies


def country(code: str) -> Country:
    return Country.objects.get(code=code)


def person(email: str, **fields: object) -> User:
    return User.objects.create_user(email, "a long and unguessable password", **fields)


def nso_staff_of(code: str) -> User:
    staff = person(f"nso-{code.lower()}@example.org")
    CountryRole.objects.create(user=staff, country=country(code), role="nso")
    return staff


def signed_in(user: User, **headers: str) -> Client:
    client = Client(**headers)
    client.force_login(user)
    return client


# --- A clean import. -------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_documented_examples_import_cleanly_with_every_kind_of_file() -> None:
    report = run(*examples())

    assert report.ok, messages(report)
    assert counts(report) == {
        "schools.csv": (4, 0, 0),
        "people.csv": (8, 0, 0),
        "projects.csv": (2, 0, 0),
        "quality_labels.csv": (3, 0, 0),
        "activities.csv": (6, 0, 0),
    }
    turda = School.objects.get(external_id="S-RO-0001")
    assert turda.name == "Școala Gimnazială „Avram Iancu”"
    assert turda.search_text == School.search_text_for(turda.name, turda.town)
    assert "scoala gimnaziala" in turda.search_text
    assert (turda.region.code, turda.region.name) == ("RO113", "Cluj")
    assert sorted(turda.levels.values_list("code", flat=True)) == ["lower-secondary", "primary"]
    assert sorted(turda.languages.values_list("code", flat=True)) == ["en", "ro"]
    assert School.objects.get(external_id="S-ES-0002").latitude is None


@pytest.mark.django_db
def test_imported_people_get_their_memberships_a_lowercase_address_and_no_password() -> None:
    run(*examples())

    ioana = User.objects.get(external_id="T-RO-0001")
    assert ioana.email == "ioana.muresan@example.ro"
    assert ioana.full_name == "Ioana Mureșan"
    assert not ioana.has_usable_password()
    assert sorted(ioana.memberships.values_list("school__external_id", "role")) == [
        ("S-RO-0001", Role.TEACHER),
        ("S-RO-0002", Role.TEACHER),
    ]
    ended = Membership.objects.get(user__external_id="T-RO-0003")
    assert (ended.started_on, ended.ended_on) == (date(2018, 9, 1), date(2023, 8, 31))
    assert Membership.objects.get(user__external_id="R-RO-0001").role == Role.PARENT


@pytest.mark.django_db
def test_projects_get_their_founders_partners_and_teachers_and_labels_and_activities_their_links() -> None:
    run(*examples())

    project = Project.objects.get(external_id="P-2024-0002")
    assert project.subjects == "maths"
    assert project.ended_on is None
    assert sorted(project.participations.values_list("school__external_id", "is_founder")) == [
        ("S-ES-0001", True),
        ("S-ES-0002", False),
        ("S-RO-0002", False),
    ]
    assert project.teachers.count() == 3
    label = QualityLabel.objects.get(external_id="QL-EU-2024-0001")
    assert (label.kind, label.teacher.external_id, label.school.external_id) == (
        "european",
        "T-RO-0001",
        "S-RO-0001",
    )
    activity = Activity.objects.get(external_id="A-2024-0006")
    assert (activity.project.external_id, activity.kind, activity.occurred_on) == (
        "P-2024-0002",
        "project",
        date(2024, 12, 3),
    )


@pytest.mark.django_db
def test_files_are_imported_in_dependency_order_whatever_order_they_are_given_in() -> None:
    report = run(*reversed(examples()))

    assert report.ok, messages(report)
    assert [file.kind for file in report.files] == [
        "schools",
        "people",
        "projects",
        "quality_labels",
        "activities",
    ]


@pytest.mark.django_db
def test_a_successful_import_leaves_an_audit_event() -> None:
    run(*examples())

    event = AuditEvent.objects.get(action="network.registry.imported")
    assert [file["file"] for file in event.data["files"]] == [
        "schools.csv",
        "people.csv",
        "projects.csv",
        "quality_labels.csv",
        "activities.csv",
    ]
    assert event.data["files"][0] == {
        "file": "schools.csv",
        "kind": "schools",
        "created": 4,
        "updated": 0,
        "unchanged": 0,
    }


# --- Re-imports. -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_reimporting_the_same_files_changes_nothing_and_reports_every_row_unchanged() -> None:
    run(*examples())
    before = table_counts()
    stamps = dict(School.objects.values_list("external_id", "updated_at"))

    report = run(*examples())

    assert report.ok, messages(report)
    assert counts(report) == {
        "schools.csv": (0, 0, 4),
        "people.csv": (0, 0, 8),
        "projects.csv": (0, 0, 2),
        "quality_labels.csv": (0, 0, 3),
        "activities.csv": (0, 0, 6),
    }
    assert table_counts() == {**before, "audit events": before["audit events"] + 1}
    assert dict(School.objects.values_list("external_id", "updated_at")) == stamps


@pytest.mark.django_db
def test_a_changed_row_is_updated_and_only_that_row() -> None:
    run(*examples("schools.csv"))
    changed = (EXAMPLES / "schools.csv").read_text().replace("Escola Pompeu Fabra", "Escola Àngel Guimerà")
    changed = changed.replace("pre-primary primary,ca es", "primary,ca es")

    report = run(("schools.csv", changed.encode()))

    assert counts(report) == {"schools.csv": (0, 1, 3)}
    school = School.objects.get(external_id="S-ES-0002")
    assert school.search_text == School.search_text_for("Escola Àngel Guimerà", "Tàrrega")
    assert list(school.levels.values_list("code", flat=True)) == ["primary"]


@pytest.mark.django_db
def test_an_optional_column_left_out_of_a_file_leaves_stored_values_alone() -> None:
    run(*examples("schools.csv"))
    rows = [["S-RO-0001", "Școala Gimnazială „Avram Iancu”", "ro", "Turda", "2015-09-14"]]

    report = run(("short.csv", csv_bytes(SCHOOLS_HEADER, rows)))

    assert counts(report) == {"short.csv": (0, 0, 1)}
    school = School.objects.get(external_id="S-RO-0001")
    assert school.website == "https://avramiancu-turda.example.ro"
    assert school.levels.count() == 2


@pytest.mark.django_db
def test_a_dry_run_counts_the_rows_but_writes_nothing() -> None:
    before = table_counts()

    report = run(*examples(), dry_run=True)

    assert report.ok and not report.imported
    assert counts(report)["people.csv"] == (8, 0, 0)
    assert table_counts() == before


# --- Problems. -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_file_with_bad_rows_imports_nothing_and_lists_every_problem() -> None:
    person("taken@example.org")  # signed up alone: no external id
    bad_people = csv_bytes(
        PEOPLE_HEADER,
        [
            ["T-1", "not-an-email", "Ana Pop", "S-RO-0001", "teacher", "2020-09-01", ""],  # 2
            ["T-2", "t2@example.org", "Ion Rusu", "S-NOWHERE", "teacher", "2020-09-01", ""],  # 3
            ["T-3", "t3@example.org", "Dan Ilie", "S-RO-0001", "student", "2020-09-01", ""],  # 4
            ["T-4", "t4@example.org", "", "S-RO-0001", "teacher", "2020-13-01", ""],  # 5
            ["T-5", "TAKEN@example.org", "Eva Lupu", "S-RO-0001", "teacher", "2020-09-01", ""],  # 6
            ["T-6", "t6@example.org", "Ilie Moț", "S-RO-0001", "head", "2020-09-01", "2019-06-30"],  # 7
            ["T-7", "t7@example.org", "Lia Roș", "S-RO-0001"],  # 8
            ["T-8", "t8@example.org", "Radu Șerban", "S-RO-0001", "teacher", "2020-09-01", ""],  # 9
            ["T-8", "t8@example.org", "Radu Șerban", "S-RO-0001", "teacher", "2020-09-01", ""],  # 10
            ["T-9", "t2@example.org", "Mara Ene", "S-RO-0001", "teacher", "2020-09-01", ""],  # 11
            ["T-10", "t10@example.org", "Nae Ciobanu", "S-RO-0001", "teacher", "2020-09-01", ""],  # fine
        ],
    )
    before = table_counts()

    report = run(*examples("schools.csv"), ("people.csv", bad_people))

    assert not report.ok
    assert table_counts() == before  # not even the valid schools file, nor the valid row 12
    assert places(report) == {
        ("people.csv", 2, "email"),
        ("people.csv", 3, "school_external_id"),
        ("people.csv", 4, "role"),
        ("people.csv", 5, "full_name"),
        ("people.csv", 5, "started_on"),
        ("people.csv", 6, "email"),
        ("people.csv", 7, "ended_on"),
        ("people.csv", 8, ""),
        ("people.csv", 10, "role"),
        ("people.csv", 11, "email"),
    }
    text = messages(report)
    assert "Pupils are never imported" in text
    assert "“S-NOWHERE”" in text
    assert "2020-13-01" in text
    assert "taken@example.org already belongs to another person" in text
    assert "This row has 4 values but the header has 7 columns" in text
    assert "Row 9 of people.csv already gives this person this role at this school" in text
    assert "t2@example.org is given to another person on row 3 of people.csv" in text


@pytest.mark.django_db
def test_problems_in_several_files_are_all_reported_in_file_and_row_order() -> None:
    bad_schools = csv_bytes(
        [*SCHOOLS_HEADER, "website", "latitude", "levels", "languages"],
        [
            ["S-1", "Școala Nouă", "XX", "Iași", "2020-01-01", "", "", "", ""],
            ["S-2", "Escola Nova", "ES", "Vic", "01/02/2020", "www", "91", "kindergarten", "ca xx"],
        ],
    )
    bad_activities = csv_bytes(
        ACTIVITIES_HEADER,
        [["A-1", "T-RO-0001", "S-RO-0001", "project", "", "Întâlnire", "2024-01-01"]],
    )

    report = run(("activities.csv", bad_activities), ("schools.csv", bad_schools))

    assert [(problem.file, problem.row, problem.column) for problem in report.problems] == [
        ("activities.csv", 2, "school_external_id"),
        ("activities.csv", 2, "teacher_external_id"),
        ("activities.csv", 2, "project_external_id"),
        ("schools.csv", 2, "country"),
        ("schools.csv", 3, "registered_on"),
        ("schools.csv", 3, "website"),
        ("schools.csv", 3, "latitude"),
        ("schools.csv", 3, "levels"),
        ("schools.csv", 3, "languages"),
    ]


@pytest.mark.django_db
def test_a_repeated_external_id_is_a_problem_even_many_rows_apart() -> None:
    rows = [[f"S-{number:05d}", f"Școala nr. {number}", "RO", "Cluj", "2020-01-01"] for number in range(2600)]
    rows.append(rows[5])  # row 7 repeated as row 2602, in another batch

    report = run(("schools.csv", csv_bytes(SCHOOLS_HEADER, rows)))

    assert places(report) == {("schools.csv", 2602, "external_id")}
    assert "already appears on row 7 of schools.csv" in messages(report)
    assert School.objects.count() == 0


@pytest.mark.django_db
def test_quality_labels_need_a_teacher_of_the_school_and_a_school_of_the_project() -> None:
    run(*examples("schools.csv", "people.csv", "projects.csv"))
    labels = csv_bytes(
        [
            "external_id",
            "kind",
            "teacher_external_id",
            "project_external_id",
            "school_external_id",
            "granted_on",
        ],
        [
            ["QL-1", "national", "T-ES-0001", "P-2023-0001", "S-RO-0001", "2024-09-20"],  # not her school
            ["QL-2", "national", "T-RO-0002", "P-2023-0001", "S-RO-0002", "2024-09-20"],  # not in the project
            ["QL-3", "regional", "T-RO-0001", "P-2023-0001", "S-RO-0001", "2024-09-20"],
            ["QL-4", "national", "T-RO-0001", "P-9999", "S-RO-0001", "2024-09-20"],
        ],
    )

    report = run(("labels.csv", labels))

    assert places(report) == {
        ("labels.csv", 2, "teacher_external_id"),
        ("labels.csv", 3, "teacher_external_id"),
        ("labels.csv", 3, "project_external_id"),
        ("labels.csv", 4, "kind"),
        ("labels.csv", 5, "project_external_id"),
    }
    assert "does not take part in the project" in messages(report)


@pytest.mark.django_db
def test_a_reference_to_a_row_with_problems_says_so() -> None:
    schools = csv_bytes(SCHOOLS_HEADER, [["S-1", "Școala", "RO", "Cluj", "yesterday"]])
    people = csv_bytes(
        PEOPLE_HEADER, [["T-1", "t1@example.org", "Ana Pop", "S-1", "teacher", "2020-09-01", ""]]
    )

    report = run(("people.csv", people), ("schools.csv", schools))

    assert "The school “S-1” has problems in its own row" in messages(report)


# --- Encodings, delimiters and headers. ------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("encoding", "row"),
    [
        ("cp1250", "S-1,Şcoala Gimnazială,RO,Brăila,2020-01-01"),
        ("latin-1", "S-1,Escola Pública,ES,Tàrrega,2020-01-01"),
    ],
)
def test_a_file_not_in_utf8_is_refused_with_a_clear_message(encoding: str, row: str) -> None:
    data = f"external_id,name,country,town,registered_on\r\n{row}\r\n".encode(encoding)

    report = run(("schools.csv", data))

    assert places(report) == {("schools.csv", 2, "")}
    assert "not encoded in UTF-8" in report.problems[0].message
    assert "CSV UTF-8" in report.problems[0].message
    assert School.objects.count() == 0


@pytest.mark.django_db
def test_a_utf16_file_is_refused_with_a_clear_message() -> None:
    report = run(("schools.csv", "external_id,name\r\n".encode("utf-16")))

    assert "UTF-16" in messages(report)


@pytest.mark.django_db
def test_a_file_with_another_delimiter_is_refused_and_the_message_names_it() -> None:
    data = csv_bytes(SCHOOLS_HEADER, [["S-1", "Școala", "RO", "Cluj", "2020-01-01"]], delimiter="|")

    report = run(("schools.csv", data))

    assert places(report) == {("schools.csv", 1, "")}
    assert "seem to be separated by “|”" in messages(report)


@pytest.mark.django_db
def test_a_header_of_no_known_kind_lists_the_expected_columns() -> None:
    report = run(("export.csv", b"id,nom,pais\r\n1,Escola,ES\r\n"))

    text = messages(report)
    assert "names no known kind of file" in text
    assert "external_id, name, country, town, registered_on" in text
    assert "teacher_external_id" in text


@pytest.mark.django_db
def test_a_misspelt_or_missing_column_is_named() -> None:
    header = ["external_id", "name", "country", "registered_on", "wbsite"]

    report = run(("schools.csv", csv_bytes(header, [])))

    assert places(report) == {("schools.csv", 1, "wbsite"), ("schools.csv", 1, "town")}


@pytest.mark.django_db
def test_semicolon_and_tab_files_with_a_byte_order_mark_and_any_header_case_are_accepted() -> None:
    schools = csv_bytes(
        [name.upper() for name in SCHOOLS_HEADER],
        [["S-RO-1", "Colegiul Național „Mihai Eminescu”", "RO", "Iași", "2014-05-06"]],
        delimiter=";",
    )
    people = csv_bytes(
        [f" {name} " for name in PEOPLE_HEADER],
        [["T-1", "Ana.Pop@Example.org", "Ana Pop", "S-RO-1", "Teacher", "2020-09-01", ""]],
        delimiter="\t",
    )

    report = run(("schools.csv", b"\xef\xbb\xbf" + schools), ("people.csv", people))

    assert report.ok, messages(report)
    assert School.objects.get().search_text == " colegiul national mihai eminescu iasi "
    assert User.objects.get(external_id="T-1").email == "ana.pop@example.org"


# --- Country scope. --------------------------------------------------------------------------


@pytest.mark.django_db
def test_nso_staff_of_romania_cannot_import_a_french_school() -> None:
    rows = [
        ["S-RO-1", "Școala Gimnazială nr. 5", "RO", "Brăila", "2019-01-01"],
        ["S-FR-1", "École Jules Ferry", "FR", "Évreux", "2019-01-01"],
    ]

    report = run(("schools.csv", csv_bytes(SCHOOLS_HEADER, rows)), scope={country("RO").pk})

    assert places(report) == {("schools.csv", 3, "country")}
    assert "“S-FR-1” is in FR; you may import schools of RO only" in messages(report)
    assert School.objects.count() == 0


PROJECT_HEADER = ["external_id", "title", "status", "subjects", "age_min", "age_max", "started_on",
                  "founder_external_ids", "partner_external_ids"]  # fmt: skip


@pytest.mark.django_db
def test_nso_staff_import_international_projects_of_their_schools_but_not_foreign_ones() -> None:
    run(*examples("schools.csv"))
    rows = [
        ["P-1", "Rivers", "active", "science", "10", "12", "2024-09-01", "S-RO-0001", "S-ES-0001"],
        ["P-2", "Kitchen maths", "active", "maths", "12", "14", "2024-09-01", "S-ES-0001", "S-ES-0002"],
    ]

    report = run(("projects.csv", csv_bytes(PROJECT_HEADER, rows)), scope={country("RO").pk})

    assert places(report) == {("projects.csv", 3, "founder_external_ids")}
    assert "None of the project's schools is in RO" in messages(report)
    assert Project.objects.count() == 0
    report = run(("projects.csv", csv_bytes(PROJECT_HEADER, rows[:1])), scope={country("RO").pk})
    assert Project.objects.get().schools.count() == 2


@pytest.mark.django_db
def test_nso_staff_cannot_touch_people_or_activities_of_schools_abroad() -> None:
    run(*examples("schools.csv", "people.csv", "projects.csv"))

    report = run(*examples("activities.csv"), scope={country("RO").pk})

    assert places(report) == {
        ("activities.csv", 3, "school_external_id"),
        ("activities.csv", 5, "school_external_id"),
        ("activities.csv", 7, "school_external_id"),
    }


# --- The command. ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_command_prints_the_counts_per_file() -> None:
    out = io.StringIO()

    call_command("import_network", *(str(EXAMPLES / name) for name in EXAMPLE_NAMES), stdout=out)

    assert "schools.csv (schools): 4 created, 0 updated, 0 unchanged." in out.getvalue()
    assert School.objects.count() == 4


@pytest.mark.django_db
def test_the_command_prints_every_problem_and_fails_with_status_1(tmp_path: Path) -> None:
    bad = tmp_path / "schools.csv"
    bad.write_bytes(csv_bytes(SCHOOLS_HEADER, [["S-1", "Școala", "RO", "", "2020-02-30"]]))
    err = io.StringIO()

    with pytest.raises(CommandError) as failure:
        call_command("import_network", str(bad), "--dry-run", stderr=err)

    assert failure.value.returncode == 1
    assert "Nothing was imported: 2 problems were found." in str(failure.value)
    assert "schools.csv:2:town: This column needs a value in every row." in err.getvalue()
    assert "schools.csv:2:registered_on: “2020-02-30” is not a date" in err.getvalue()


# --- The web page. ---------------------------------------------------------------------------


def uploads(*files: tuple[str, bytes]) -> list[SimpleUploadedFile]:
    return [SimpleUploadedFile(name, data, content_type="text/csv") for name, data in files]


@pytest.mark.django_db
def test_anonymous_people_are_sent_to_sign_in_and_teachers_are_refused() -> None:
    url = reverse("network:import")
    assert Client().get(url).status_code == 302
    assert "/accounts/login/" in Client().post(url).url
    run(*examples("schools.csv", "people.csv"))
    teacher = User.objects.get(external_id="T-RO-0001")

    assert signed_in(teacher).get(url).status_code == 403
    assert signed_in(teacher).post(url, {"csv_files": uploads(*examples("schools.csv"))}).status_code == 403


@pytest.mark.django_db
def test_the_upload_form_is_labelled_and_accepts_several_files() -> None:
    response = signed_in(nso_staff_of("RO")).get(reverse("network:import"))

    page = response.content.decode()
    assert response.status_code == 200
    assert 'for="id_csv_files"' in page
    assert 'type="file" name="csv_files"' in page and "multiple" in page
    assert 'enctype="multipart/form-data"' in page
    assert "200 megabytes" in page  # settings.IMPORT_MAX_UPLOAD_MB


def post_import(client: Client, capture: Any, data: dict[str, Any]) -> Any:
    """Upload as the page does, let the worker run the job (eagerly), then open the job's page."""
    with capture(execute=True):
        response = client.post(reverse("network:import"), data)
    assert response.status_code == 302
    job = Job.objects.get()
    assert response.url == reverse("core:job", args=[job.pk])
    return client.get(response.url)


@pytest.mark.django_db
def test_platform_admins_upload_every_file_and_see_the_summary(
    django_capture_on_commit_callbacks: Any,
) -> None:
    admin = User.objects.create_superuser("admin@example.org", "a long and unguessable password")

    response = post_import(
        signed_in(admin), django_capture_on_commit_callbacks, {"csv_files": uploads(*examples())}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["report"].imported
    assert 'role="status"' in page
    assert '<th scope="row">activities.csv</th>' in page
    assert Activity.objects.count() == 6
    assert AuditEvent.objects.get(action="network.registry.imported").actor == admin


@pytest.mark.django_db
@pytest.mark.parametrize("dry_run", [False, True])
def test_importing_with_no_file_chosen_asks_for_a_file_and_imports_nothing(dry_run: bool) -> None:
    """A browser sends the empty file input as a part with no file name."""
    boundary = "BoUnDaRy"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="csv_files"; filename=""\r\n'
        "Content-Type: application/octet-stream\r\n\r\n\r\n"
        + (f'--{boundary}\r\nContent-Disposition: form-data; name="dry_run"\r\n\r\non\r\n' if dry_run else "")
        + f"--{boundary}--\r\n"
    )

    response = signed_in(nso_staff_of("RO")).post(
        reverse("network:import"), data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "Choose at least one CSV file to import." in page
    assert not Job.objects.exists()
    assert not AuditEvent.objects.filter(action="network.registry.imported").exists()


@pytest.mark.django_db
def test_nso_staff_import_their_own_country_through_the_page(django_capture_on_commit_callbacks: Any) -> None:
    romanian_rows = [["S-RO-1", "Școala Gimnazială nr. 5", "RO", "Brăila", "2019-01-01"]]

    response = post_import(
        signed_in(nso_staff_of("RO")),
        django_capture_on_commit_callbacks,
        {"csv_files": uploads(("școli.csv", csv_bytes(SCHOOLS_HEADER, romanian_rows)))},
    )

    assert response.context["report"].imported
    assert School.objects.get().town == "Brăila"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ro", "ca"])
def test_nso_staff_see_every_problem_in_a_table_in_their_language(
    language: str, django_capture_on_commit_callbacks: Any
) -> None:
    rows = [
        ["S-RO-1", "Școala Gimnazială nr. 5", "RO", "Brăila", "2019-01-01"],
        ["S-FR-1", "École Jules Ferry", "FR", "Évreux", "2019-01-01"],
        ["S-RO-2", "Liceul „Ion Creangă”", "RO", "", "2019-02-30"],
    ]
    files = [("schools.csv", csv_bytes(SCHOOLS_HEADER, rows))]
    staff = nso_staff_of("RO")
    with translation.override(language):  # what the service says in that language
        expected = run(*files, scope={country("RO").pk}).problems

    response = post_import(
        signed_in(staff, HTTP_ACCEPT_LANGUAGE=language),
        django_capture_on_commit_callbacks,
        {"csv_files": uploads(*files)},
    )

    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    assert 'role="alert"' in page
    assert page.count('<th scope="col">') >= 4
    assert len(expected) == 3
    for problem in expected:
        assert html.escape(problem.message) in page
        assert f"<td>{problem.row}</td>" in page
        assert f"<td>{problem.column}</td>" in page
    assert School.objects.count() == 0


@pytest.mark.django_db
def test_an_upload_over_the_size_limit_is_refused() -> None:
    big = ("schools.csv", b"x" * (1024 * 1024 + 1))

    with override_settings(IMPORT_MAX_UPLOAD_MB=1):
        response = signed_in(nso_staff_of("RO")).post(reverse("network:import"), {"csv_files": uploads(big)})

    assert response.status_code == 400
    assert not Job.objects.exists()
    assert "at most 1 MB can be imported at once" in response.content.decode()


# --- A 50 MB file. ---------------------------------------------------------------------------

# Rows shaped like a national registry's export: URN external ids (about 60
# characters, within the 64 allowed) and long activity titles full of two-byte
# letters, about 490 bytes a row. Fewer, fatter rows keep the test under a minute
# even with tracemalloc, which slows down every allocation several times.
FIFTY_MEGABYTES = 50 * 1024 * 1024
TITLE = (
    "Participare la atelierul „Învățăm împreună: științe, artă și cetățenie în proiecte eTwinning” "
    "organizat de Inspectoratul Școlar Județean Cluj, cu activități practice în limba română și în català "
    "amb l'Institut Escola de Sant Martí – sesiunea "
)
# Streaming keeps one batch of 2,000 rows, their model instances and the query
# results in memory: a few megabytes whatever the size of the file. Holding the
# file once, even as bytes, would pass 50 MB, and its parsed rows several times
# that; a peak under 32 MB, Django's and the database driver's allocations
# included, proves the file was streamed.
PEAK_BOUND = 32 * 1024 * 1024


def urn(kind: str, number: int) -> str:
    return f"urn:etwinning:ro:{kind}:{uuid.uuid5(uuid.NAMESPACE_URL, f'https://example.org/{kind}/{number}')}"


def import_teachers_for_the_big_file(count: int) -> list[tuple[str, str]]:
    """Import 20 schools and `count` teachers; return (teacher, school) external ids."""
    schools = [
        [urn("school", n), f"Școala Gimnazială nr. {n}", "RO", "Cluj-Napoca", "2015-09-01"] for n in range(20)
    ]
    pairs = [(urn("teacher", n), schools[n % 20][0]) for n in range(count)]
    people = [
        [teacher, f"profesor{n}@example.ro", f"Profesor {n}", school, "teacher", "2016-09-01", ""]
        for n, (teacher, school) in enumerate(pairs)
    ]
    report = run(
        ("schools.csv", csv_bytes(SCHOOLS_HEADER, schools)), ("people.csv", csv_bytes(PEOPLE_HEADER, people))
    )
    assert report.ok, messages(report)
    return pairs


def write_big_activities_file(
    path: Path, teachers: list[tuple[str, str]], size: int = FIFTY_MEGABYTES
) -> int:
    """An activities file of at least `size` bytes, its rows spread over the given teachers."""
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as file:
        file.write(",".join(ACTIVITIES_HEADER) + "\r\n")
        while file.tell() < size:
            for _ in range(1000):
                teacher, school = teachers[rows % len(teachers)]
                kind = ("pd", "group", "event")[rows % 3]
                day = f"2024-{rows % 12 + 1:02d}-{rows % 28 + 1:02d}"
                file.write(
                    f'urn:etwinning:ro:activity:{uuid.UUID(int=rows)},{teacher},{school},{kind},,"{TITLE}{rows}",{day}\r\n'
                )
                rows += 1
    return rows


@pytest.mark.slow
@pytest.mark.django_db
def test_a_50_mb_file_is_streamed_with_bounded_memory(tmp_path: Path) -> None:
    teachers = import_teachers_for_the_big_file(200)
    big = tmp_path / "activities.csv"
    rows = write_big_activities_file(big, teachers)
    assert big.stat().st_size >= FIFTY_MEGABYTES

    started, cpu_started = time.perf_counter(), time.process_time()
    tracemalloc.start()
    try:
        with big.open("rb") as stream:
            report = import_network_files(files=[("activities.csv", stream)], by=None)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started

    assert report.ok, messages(report)
    assert counts(report) == {"activities.csv": (rows, 0, 0)}
    assert Activity.objects.count() == rows
    print(
        f"\n50 MB import: {rows} rows in {elapsed:.1f} s ({cpu:.1f} s CPU), Python peak {peak / 2**20:.1f} MB"
    )
    assert peak < PEAK_BOUND
