"""generate_network at a tiny scale, on the test database (SQLite or PostgreSQL)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db.models import Count, F, Q
from django.utils import timezone

from twinschools.accounts import services
from twinschools.accounts.models import ClassGroup, CountryRole, Membership, Role, User
from twinschools.applications.models import Application
from twinschools.core.text import fold
from twinschools.evaluation.models import LabelAward
from twinschools.network.generation.demo import DEMO_DOMAIN, DEMO_PASSWORD
from twinschools.network.models import (
    Activity,
    Project,
    ProjectSchool,
    ProjectTeacher,
    QualityLabel,
    QualityLabelKind,
    Region,
    School,
    SchoolLabel,
)

pytestmark = pytest.mark.django_db

TINY = ("--scale", "demo", "--schools", "80", "--verbosity", "0")
ROMANIAN_MARKS = set("ăâîșțĂÂÎȘȚ")
CATALAN_MARKS = set("àèéíïòóúüçÀÈÉÍÒÓÚÇ·")


def generate(*extra: str, seed: int = 7) -> None:
    call_command("generate_network", *TINY, "--seed", str(seed), *extra)


def snapshot() -> dict[str, list[tuple]]:
    return {
        "schools": list(School.objects.order_by("external_id").values_list("external_id", "name", "town")),
        "people": list(
            User.objects.filter(external_id__startswith="TCH-")
            .order_by("external_id")
            .values_list("external_id", "email", "full_name")
        ),
        "projects": list(
            Project.objects.order_by("external_id").values_list("external_id", "title", "started_on")
        ),
        "labels": list(
            QualityLabel.objects.order_by("external_id").values_list("external_id", "kind", "granted_on")
        ),
        "activities": list(
            Activity.objects.order_by("teacher__external_id", "occurred_on", "title").values_list(
                "teacher__external_id", "occurred_on", "title"
            )
        ),
    }


def test_the_same_seed_builds_the_same_network() -> None:
    generate()
    first = snapshot()
    generate("--replace")
    assert snapshot() == first
    generate("--replace", seed=8)
    assert snapshot()["schools"] != first["schools"]


def test_it_refuses_to_overwrite_a_network_without_replace() -> None:
    generate()
    with pytest.raises(CommandError, match="--replace"):
        generate()


def test_replace_keeps_the_people_it_did_not_make() -> None:
    someone = User.objects.create_user("someone@example.org", "a-long-password")
    generate()
    generate("--replace")
    assert User.objects.filter(pk=someone.pk).exists()
    assert User.objects.filter(email=f"head@{DEMO_DOMAIN}").count() == 1


def test_romanian_and_catalan_names_keep_their_diacritics() -> None:
    generate()
    romanian = " ".join(School.objects.filter(country__code="RO").values_list("name", flat=True))
    catalan = " ".join(
        f"{name} {town}"
        for name, town in School.objects.filter(region__code__startswith="ES51").values_list("name", "town")
    )
    assert ROMANIAN_MARKS & set(romanian)
    assert CATALAN_MARKS & set(catalan)
    assert School.objects.filter(region__code="ES513").exists()


def test_search_text_is_the_folded_name_and_town() -> None:
    generate()
    for name, town, search_text in School.objects.values_list("name", "town", "search_text"):
        assert search_text == School.search_text_for(name, town)
    scoala = School.objects.filter(name__startswith="Școala")
    assert scoala.exists()
    assert set(School.objects.filter(search_text__contains=fold("scoala"))) >= set(scoala)


def test_every_school_lies_in_a_region_of_its_own_country() -> None:
    generate()
    assert not School.objects.filter(Q(region__isnull=True) | ~Q(region__country=F("country"))).exists()
    assert Region.objects.filter(country__code="RO").count() == 42
    assert set(
        Region.objects.filter(country__code="ES", code__startswith="ES51").values_list("name", flat=True)
    ) == {
        "Barcelona",
        "Girona",
        "Lleida",
        "Tarragona",
    }
    for latitude, longitude in School.objects.values_list("latitude", "longitude"):
        assert 27 < latitude < 72 and -30 < longitude < 50


def test_every_school_has_one_head_and_teachers() -> None:
    generate()
    today = timezone.localdate()
    current = Membership.objects.filter(ended_on__isnull=True, started_on__lte=today)
    heads = current.filter(role=Role.HEAD).values("school").annotate(total=Count("id"))
    assert {row["total"] for row in heads} == {1}
    assert heads.count() == School.objects.count()
    assert not School.objects.exclude(memberships__role=Role.TEACHER).exists()
    assert not User.objects.filter(external_id__startswith="TCH-", password__regex=r"^[^!]").exists()


def test_projects_join_two_to_six_schools_with_one_or_two_founders() -> None:
    generate()
    projects = Project.objects.annotate(
        schools_in=Count("participations"),
        founders=Count("participations", filter=Q(participations__is_founder=True)),
    )
    assert projects.exists()
    for project in projects:
        assert 2 <= project.schools_in <= 6
        assert 1 <= project.founders <= 2
    taking_part = set(ProjectSchool.objects.values_list("project_id", "school_id"))
    assert set(ProjectTeacher.objects.values_list("project_id", "school_id")) <= taking_part


def test_no_project_starts_before_its_schools_joined_etwinning() -> None:
    generate()
    too_early = ProjectSchool.objects.filter(project__started_on__lt=F("school__registered_on"))
    assert ProjectSchool.objects.exists()
    assert not too_early.exists()


def test_quality_labels_go_to_project_teachers_of_the_labelled_school() -> None:
    generate()
    labels = list(QualityLabel.objects.all())
    assert labels
    for label in labels:
        assert Membership.objects.filter(user_id=label.teacher_id, school_id=label.school_id).exists()
        assert ProjectTeacher.objects.filter(
            project_id=label.project_id, teacher_id=label.teacher_id, school_id=label.school_id
        ).exists()
        assert ProjectSchool.objects.filter(project_id=label.project_id, school_id=label.school_id).exists()
    assert {label.kind for label in labels} == {QualityLabelKind.NATIONAL, QualityLabelKind.EUROPEAN}


def test_some_schools_are_labelled_and_teachers_active() -> None:
    generate()
    assert SchoolLabel.objects.exists()
    assert SchoolLabel.objects.count() < School.objects.count() / 2
    two_years_ago = timezone.localdate().replace(year=timezone.localdate().year - 2)
    assert Activity.objects.filter(occurred_on__gte=two_years_ago).exists()
    assert not Activity.objects.filter(occurred_on__gt=timezone.localdate()).exists()


def readme_sign_ins() -> list[str]:
    """The e-mail addresses of the README's demo sign-ins table."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Demo sign-ins", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"`([\w.]+@demo\.twinschools\.eu)`", table)


def test_every_sign_in_of_the_readme_works_with_the_demo_password() -> None:
    emails = readme_sign_ins()
    assert f"evaluator2.ro@{DEMO_DOMAIN}" in emails and len(emails) >= 10
    generate()
    for email in emails:
        user = authenticate(email=email, password=DEMO_PASSWORD)
        assert user is not None, email
        assert EmailAddress.objects.filter(user=user, email=email, verified=True, primary=True).exists()
    assert User.objects.get(email=f"admin@{DEMO_DOMAIN}").is_superuser
    assert CountryRole.objects.filter(
        user__email=f"nso.es@{DEMO_DOMAIN}", country__code="ES", role="nso"
    ).exists()


def test_the_demo_shows_the_cluj_draft_and_applications_in_every_stage_of_the_evaluation() -> None:
    generate()
    head = User.objects.get(email=f"head@{DEMO_DOMAIN}")
    cluj = Membership.objects.get(user=head, role=Role.HEAD).school
    assert Application.objects.get(school=cluj).status == "draft"
    statuses = sorted(Application.objects.exclude(school=cluj).values_list("status", flat=True))
    assert statuses == ["awarded", "awarded", "submitted", "submitted"]
    assert LabelAward.objects.filter(revoked_at__isnull=False).count() == 1


def test_the_demo_head_and_teacher_share_a_cluj_school_with_projects() -> None:
    generate()
    head = User.objects.get(email=f"head@{DEMO_DOMAIN}")
    school = Membership.objects.get(user=head, role=Role.HEAD).school
    assert school.region.code == "RO113"
    assert school.participations.exists()
    teacher = User.objects.get(email=f"teacher@{DEMO_DOMAIN}")
    assert Membership.objects.filter(user=teacher, school=school, role=Role.TEACHER).exists()
    assert teacher.project_roles.exists() and teacher.quality_labels.exists() and teacher.activities.exists()
    profesora = User.objects.get(email=f"profesora@{DEMO_DOMAIN}")
    assert Membership.objects.get(user=profesora).school.region.code == "ES513"


def test_pupil_ana_signs_in_with_her_class_code_and_pin() -> None:
    generate()
    ana = services.authenticate_student(code="DEMO7B", display_name="Ana", pin="246810", client="test")
    assert ana is not None and ana.email is None
    parent = User.objects.get(email=f"parent@{DEMO_DOMAIN}")
    assert ana.student.parental_consent and parent in ana.student.guardians.all()
    class_group = ClassGroup.objects.get(code="DEMO7B")
    assert class_group.name == "7B"
    assert Membership.objects.filter(user=parent, school=class_group.school, role=Role.PARENT).exists()
    assert Membership.objects.filter(user=ana, school=class_group.school, role=Role.STUDENT).exists()
