from __future__ import annotations

from django.urls import reverse

from tests import factories
from tests.clients import signed_in
from tests.conftest import World


def test_a_teacher_sees_schools_projects_labels_and_activities(world: World) -> None:
    teacher = world.people["teacher_a"]
    project = factories.ProjectFactory(title="Bridges over the Danube")
    factories.ProjectTeacherFactory(project=project, teacher=teacher, school=world.school_a)
    factories.QualityLabelFactory(project=project, teacher=teacher, school=world.school_a, kind="european")
    factories.ActivityFactory(teacher=teacher, school=world.school_a, title="Safer Internet Day webinar")
    page = signed_in(teacher).get(reverse("accounts:dashboard")).content.decode()
    for text in (
        "Școala Gimnazială „Avram Iancu”",
        "Bridges over the Danube",
        "European Quality Label",
        "Safer Internet Day webinar",
    ):
        assert text in page


def test_a_parent_sees_their_child_and_a_pupil_sees_their_school(world: World) -> None:
    assert (
        "Zorella" in signed_in(world.people["parent_a"]).get(reverse("accounts:dashboard")).content.decode()
    )
    pupil_page = signed_in(world.people["student_a"]).get(reverse("accounts:dashboard")).content.decode()
    assert "You take part in eTwinning with Școala Gimnazială „Avram Iancu”" in pupil_page


def test_national_staff_find_the_import_on_their_dashboard(world: World) -> None:
    page = signed_in(world.people["nso_x"]).get(reverse("accounts:dashboard")).content.decode()
    assert reverse("network:import") in page
