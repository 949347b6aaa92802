"""Data the browser tests add to the standing personas of tests.conftest."""

from __future__ import annotations

from typing import Any

from tests import factories
from tests.conftest import World
from twinschools.network.models import Project, School


def give_school_a_record(world: World) -> Project:
    """A project school A shares with school B, taught by teacher A, with a quality label,
    an activity, and a current eTwinning School label for school A."""
    project = factories.ProjectFactory(title="Rivers that connect us")
    factories.ProjectSchoolFactory(project=project, school=world.school_a, is_founder=True)
    factories.ProjectSchoolFactory(project=project, school=world.school_b, is_founder=False)
    teacher = world.people["teacher_a"]
    factories.ProjectTeacherFactory(project=project, teacher=teacher, school=world.school_a)
    factories.QualityLabelFactory(teacher=teacher, project=project, school=world.school_a)
    factories.ActivityFactory(teacher=teacher, school=world.school_a, title="Peer learning visit to Cluj")
    factories.SchoolLabelFactory(school=world.school_a)
    return project


def school_in_lleida() -> School:
    return factories.SchoolFactory(
        name="Institut Màrius Torres",
        town="Lleida",
        country=factories.country("ES"),
        levels=["upper-secondary"],
    )


# Uploads with bad rows for the import page. Row numbers count the header as row 1.
BAD_SCHOOLS = """external_id,name,country,town,registered_on,levels,latitude
S-RO-E2E-1,Școala Gimnazială nr. 7,RO,Brașov,2019-01-01,primary,45.65
S-RO-E2E-2,,RO,Sibiu,2019-02-30,primary,45.79
S-RO-E2E-3,Liceul „Ion Creangă”,RO,Iași,2019-03-01,kindergarten,123
"""
BAD_PEOPLE = """external_id,email,full_name,school_external_id,role,started_on,ended_on
T-E2E-1,not-an-email,Ana Pop,S-RO-E2E-1,teacher,2020-09-01,
T-E2E-2,dan.ilie@example.org,Dan Ilie,S-RO-E2E-1,student,2020-09-01,
"""
BAD_ROWS_PROBLEMS = {
    ("schools.csv", "3", "name"),
    ("schools.csv", "3", "registered_on"),
    ("schools.csv", "4", "levels"),
    ("schools.csv", "4", "latitude"),
    ("people.csv", "2", "email"),
    ("people.csv", "3", "role"),
}


def csv_upload(name: str, text: str) -> dict[str, Any]:
    """A file for Playwright's `set_input_files`."""
    return {"name": name, "mimeType": "text/csv", "buffer": text.encode("utf-8")}


def upload_files_with_bad_rows(page: Any) -> None:
    """On the import page: choose the two CSV files with bad rows and import them."""
    page.locator("form[enctype='multipart/form-data'] input[type=file]").set_input_files(
        [csv_upload("schools.csv", BAD_SCHOOLS), csv_upload("people.csv", BAD_PEOPLE)]
    )
    with page.expect_navigation():
        page.locator("form[enctype='multipart/form-data'] [type=submit]").click()
