from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.conftest import World


def test_the_profile_shows_public_facts_projects_and_labels(world: World) -> None:
    partner = factories.SchoolFactory(name="Institut de Tàrrega", country=factories.country("ES"))
    project = factories.ProjectFactory(title="Rivers of Europe")
    factories.ProjectSchoolFactory(project=project, school=world.school_a)
    factories.ProjectSchoolFactory(project=project, school=partner, is_founder=False)
    factories.QualityLabelFactory(school=world.school_a, project=project, teacher=world.people["teacher_a"])
    factories.SchoolLabelFactory(school=world.school_a)
    page = Client().get(reverse("network:school", args=[world.school_a.pk])).content.decode()
    assert "Școala Gimnazială „Avram Iancu”" in page
    assert "Rivers of Europe" in page
    assert "Institut de Tàrrega" in page
    assert "1 National Quality Label earned by its teachers" in page
    assert "eTwinning School label" in page


def test_an_unknown_school_answers_404(db: None) -> None:
    assert Client().get(reverse("network:school", args=[999999])).status_code == 404


@pytest.mark.parametrize("count", [1, 30])
def test_the_profile_costs_the_same_queries_for_one_project_as_for_thirty(
    world: World, count: int, django_assert_num_queries
) -> None:
    for project in factories.ProjectFactory.create_batch(count):
        factories.ProjectSchoolFactory(project=project, school=world.school_a)
        factories.ProjectSchoolFactory(project=project, school=factories.SchoolFactory(), is_founder=False)
        factories.QualityLabelFactory(
            project=project, school=world.school_a, teacher=world.people["teacher_a"]
        )
        factories.MembershipFactory(school=world.school_a)
    client = Client()
    client.force_login(world.people["teacher_a"], backend="twinschools.accounts.backends.AccountBackend")
    with django_assert_num_queries(14):  # 13 + the label credentials (credentials app)
        client.get(reverse("network:school", args=[world.school_a.pk]))
