"""generate_network at a tiny scale, on the test database (SQLite or PostgreSQL)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db.models import Count, F, Q
from django.utils import timezone

from twinschools.accounts import services
from twinschools.accounts.models import ClassGroup, CountryRole, Membership, Role, User
from twinschools.applications.models import Application, Part
from twinschools.core.text import fold
from twinschools.evaluation.models import LabelAward
from twinschools.network.generation import application_texts
from twinschools.network.generation.demo import DEMO_DOMAIN, DEMO_PASSWORD, DEMO_TOTP_SECRET
from twinschools.network.generation.places import countries
from twinschools.network.generation.texts import CATALAN, ENGLISH, ROMANIAN, SPANISH, Texts
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

from .test_places import distance_km

pytestmark = pytest.mark.django_db

TINY = ("--scale", "demo", "--schools", "80", "--verbosity", "0")
ROMANIAN_MARKS = set("ăâîșțĂÂÎȘȚ")
CATALAN_MARKS = set("àèéíïòóúüçÀÈÉÍÒÓÚÇ·")
SPANISH_MARKS = set("áéíóúñüÁÉÍÓÚÑ")


def generate(*extra: str, seed: int = 7) -> None:
    call_command("generate_network", *TINY, "--seed", str(seed), *extra)


def snapshot() -> dict[str, list[tuple]]:
    return {
        "schools": list(
            School.objects.order_by("external_id").values_list(
                "external_id", "name", "town", "latitude", "longitude"
            )
        ),
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


def test_every_school_lies_within_two_km_of_its_towns_real_place() -> None:
    generate()
    towns = {
        (region.code, town.name): (town.latitude, town.longitude)
        for country in countries().values()
        for region in country.regions
        for town in region.towns
    }
    schools = School.objects.values_list("region__code", "town", "latitude", "longitude")
    assert schools.exists()
    for region, town, latitude, longitude in schools:
        assert distance_km((latitude, longitude), towns[region, town]) <= 2.0, (region, town)
    # Schools of one town do not stack on one dot.
    cluj = School.objects.filter(town="Cluj-Napoca").values_list("latitude", "longitude")
    assert len(set(cluj)) == len(cluj)


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


def test_the_demo_national_roles_and_admin_sign_in_with_the_published_authenticator_secret(
    settings: object,
) -> None:
    from django.test import Client
    from django.urls import reverse

    from tests.accounts.test_mfa import totp_code
    from twinschools.accounts import mfa

    settings.MFA_REQUIRED_ROLES = frozenset({"admin", "nso", "evaluator"})  # type: ignore[attr-defined]
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert f"`{DEMO_TOTP_SECRET}`" in readme
    generate()
    required = [user for user in User.objects.filter(email__in=readme_sign_ins()) if mfa.is_required(user)]
    assert {user.email.split("@")[0] for user in required} >= {"admin", "nso.ro", "nso.es", "evaluator.ro"}
    assert all(mfa.is_enrolled(user) for user in required)
    client = Client()
    client.post(reverse("account_login"), {"login": f"admin@{DEMO_DOMAIN}", "password": DEMO_PASSWORD})
    assert client.post(reverse("mfa_authenticate"), {"code": totp_code(DEMO_TOTP_SECRET)}).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


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


def test_pupil_ana_signs_in_with_her_class_code_and_pin_and_luca_waits_for_consent() -> None:
    generate()
    ana = services.authenticate_student(code="DEMO7B", display_name="Ana", pin="246810", client="test")
    assert ana is not None and ana.email is None
    parent = User.objects.get(email=f"parent@{DEMO_DOMAIN}")
    assert ana.student.parental_consent and parent in ana.student.guardians.all()
    class_group = ClassGroup.objects.get(code="DEMO7B")
    assert class_group.name == "7B"
    assert Membership.objects.filter(user=parent, school=class_group.school, role=Role.PARENT).exists()
    assert Membership.objects.filter(user=ana, school=class_group.school, role=Role.STUDENT).exists()
    # one pupil's parents have not answered: the class page shows him waiting for consent
    waiting = class_group.students.filter(parental_consent=False)
    assert [profile.user.display_name for profile in waiting] == ["Luca"]


def _starts_with_one_of(title: str, beginnings: tuple[str, ...]) -> bool:
    return any(title == item or title.startswith(f"{item}: ") for item in beginnings)


def _titles_of(texts: Texts) -> tuple[str, ...]:
    listed = tuple(title for titles in texts.activity_titles.values() for title in titles)
    return (*listed, *texts.project_details)


@pytest.mark.parametrize(
    ("schools", "texts", "marks"),
    [
        (Q(country__code="RO"), ROMANIAN, ROMANIAN_MARKS),
        (Q(region__code__startswith="ES51"), CATALAN, CATALAN_MARKS),
        (Q(country__code="ES") & ~Q(region__code__startswith="ES51"), SPANISH, SPANISH_MARKS),
    ],
    ids=["romanian", "catalan", "spanish"],
)
def test_romanian_and_catalan_schools_write_their_records_in_their_own_language(
    schools, texts, marks
) -> None:
    generate()
    activities = list(
        Activity.objects.filter(school__in=School.objects.filter(schools)).values_list("title", flat=True)
    )
    assert activities
    english = set(_titles_of(ENGLISH))
    for title in activities:
        assert _starts_with_one_of(title, _titles_of(texts)), title
        assert not _starts_with_one_of(title, tuple(english)), title
    assert marks & set("".join(activities))
    # A project is named by its founding school (a second founder may come from elsewhere).
    ours = set(School.objects.filter(schools).values_list("pk", flat=True))
    founders: dict[int, set[int]] = {}
    for project, school in ProjectSchool.objects.filter(is_founder=True).values_list(
        "project_id", "school_id"
    ):
        founders.setdefault(project, set()).add(school)
    founded = [project for project, schools_of in founders.items() if schools_of <= ours]
    assert founded
    for title in Project.objects.filter(pk__in=founded).values_list("title", flat=True):
        assert title.split(": ")[0] in texts.project_themes, title


def test_the_demo_applications_are_written_in_the_schools_language() -> None:
    generate()
    parts = Part.objects.filter(application__school__country__code="RO").exclude(text="")
    assert parts.exists()
    english_answers = set(application_texts.ANSWERS["en"].values()) | set(
        application_texts.PLANS["en"].values()
    )
    for text in parts.values_list("text", flat=True):
        assert ROMANIAN_MARKS & set(text), text
        assert not any(answer in text for answer in english_answers), text


def test_no_romanian_school_name_uses_french_quotes() -> None:
    generate()
    romanian = School.objects.filter(country__code="RO")
    assert romanian.filter(name__contains="„").exists()
    assert not romanian.filter(Q(name__contains="«") | Q(name__contains="»")).exists()


def test_romanian_texts_use_the_comma_below_and_catalan_texts_their_own_letters() -> None:
    def everything(texts: Texts) -> str:
        return " ".join((*texts.project_themes, *texts.project_subtitles, *_titles_of(texts)))

    romanian = everything(ROMANIAN) + " ".join(
        (*application_texts.ANSWERS["ro"].values(), *application_texts.PLANS["ro"].values(),
         *application_texts.PHRASES["ro"].values(), *application_texts.EVIDENCE_SENTENCES["ro"])
    )  # fmt: skip
    assert not set("şţŞŢ") & set(romanian)  # cedilla forms are wrong in Romanian
    assert {"ș", "ț", "ă", "â", "î"} <= set(romanian)
    catalan = everything(CATALAN) + " ".join(application_texts.ANSWERS["ca"].values())
    assert "l·l" in catalan and {"à", "è", "é", "ç", "ò"} <= set(catalan)
    for texts in (ROMANIAN, CATALAN):
        assert len(texts.project_themes) >= 30
        assert all(len(titles) >= 8 for titles in texts.activity_titles.values())


def test_generation_refuses_to_run_when_the_e_mail_back_end_delivers_for_real(settings: Any) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    with pytest.raises(CommandError, match=re.escape("sent for real through django.core.mail.backends.smtp")):
        generate()
    assert not School.objects.exists()
