"""Demo accounts: people a visitor can sign in as, placed in the generated network.

All of them use the password DEMO_PASSWORD and have a verified primary e-mail
address, so allauth lets them sign in at once. The national roles and the admin must sign
in with a second step (accounts/mfa.py): each has an authenticator app enrolled with the
published secret DEMO_TOTP_SECRET (README.md; `manage.py demo_code` prints the current code). The head and teacher work at a
school in Cluj county that has projects; the teacher gets projects, quality
labels and activities of their own. A class 7B (code DEMO7B) at the head's
school has pupils who sign in with the class code, their name and a PIN.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password
from django.db.models import Count
from django.utils import timezone

from twinschools.accounts.models import (
    ClassGroup,
    CountryRole,
    CountryRoleKind,
    Membership,
    Role,
    StudentProfile,
    User,
)
from twinschools.core import zones
from twinschools.network.generation.texts import language_of_school, texts_for
from twinschools.network.models import (
    Activity,
    ActivityKind,
    Country,
    NationalSupportOrganisation,
    Project,
    ProjectStatus,
    ProjectTeacher,
    QualityLabel,
    QualityLabelKind,
    School,
)

DEMO_PASSWORD = "twinschools-demo"
DEMO_DOMAIN = "demo.twinschools.eu"
CLASS_NAME = "7B"
CLASS_CODE = "DEMO7B"
# Ana's PIN is published in the demo guide; the other pupils' PINs come from the seed.
PUPILS = ("Ana", "Bogdan", "Ioana", "Matei", "Sofia", "Luca")
# Luca's parents have not answered yet: the class page shows him waiting for consent.
WAITING_FOR_CONSENT = "Luca"
ANA_PIN = "246810"
# The authenticator secret of the demo's admin, NSO staff and evaluators, published in the
# README so that a visitor can add it to an authenticator app (base32, RFC 6238).
DEMO_TOTP_SECRET = "TWINSCHOOLSDEMOSECRET234"


@dataclass(frozen=True)
class DemoAccounts:
    head: User
    teacher: User
    profesora: User
    parent: User
    pupil: User
    nso_ro: User
    nso_es: User
    evaluator_ro: User
    admin: User
    head_school: School
    catalan_school: School


def _busiest_school(region_code: str) -> School:
    """The school of the region with the most projects (the demo should show some)."""
    school = (
        School.objects.filter(region__code=region_code)
        .annotate(project_total=Count("participations"))
        .order_by("-project_total", "id")
        .first()
    )
    if school is None:
        raise LookupError(f"The generated network has no school in region {region_code}.")
    return school


def _person(email_name: str, full_name: str, password_hash: str, **fields: object) -> User:
    email = f"{email_name}@{DEMO_DOMAIN}"
    user = User.objects.create(
        email=email,
        full_name=full_name,
        password=password_hash,
        external_id=f"DEMO-{email_name.upper()}",
        **fields,
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def create_demo_accounts(*, seed: int, today: date) -> DemoAccounts:
    rng = random.Random(f"twinschools:{seed}:demo")
    password = make_password(DEMO_PASSWORD)  # hashed once: hashing is slow on purpose
    cluj = _busiest_school("RO113")
    lleida = _busiest_school("ES513")
    head = _person("head", "Elena Mureșan", password, language="ro")
    teacher = _person("teacher", "Andrei Pop", password, language="ro")
    profesora = _person("profesora", "Montserrat Puig i Solé", password, language="ca")
    parent = _person("parent", "Ioana Moldovan", password, language="ro")
    since = today - timedelta(days=3 * 365)
    # The demo head takes over the school: the generated head stays on as a teacher.
    Membership.objects.filter(school=cluj, role=Role.HEAD).delete()
    Membership.objects.bulk_create(
        [
            Membership(user=head, school=cluj, role=Role.HEAD, started_on=since),
            Membership(user=head, school=cluj, role=Role.TEACHER, started_on=since),
            Membership(user=teacher, school=cluj, role=Role.TEACHER, started_on=since),
            Membership(user=profesora, school=lleida, role=Role.TEACHER, started_on=since),
            Membership(user=parent, school=cluj, role=Role.PARENT, started_on=today - timedelta(days=200)),
        ]
    )
    _give_project_history(rng, teacher=teacher, school=cluj, today=today, projects=5)
    _give_project_history(rng, teacher=profesora, school=lleida, today=today, projects=2)
    pupil = _create_class(rng, school=cluj, parent=parent, today=today)
    nso_ro = _person("nso.ro", "Cristina Dobre", password)
    nso_es = _person("nso.es", "Jordi Ferrer", password)
    evaluator_ro = _person("evaluator.ro", "Mihai Stan", password)
    # Two colleagues, so that the demo shows two first reviews that disagree and a second opinion.
    colleagues = [
        _person("evaluator2.ro", "Raluca Ene", password, language="ro"),
        _person("evaluator3.ro", "Sorin Lazăr", password, language="ro"),
    ]
    romania, spain = Country.objects.get(code="RO"), Country.objects.get(code="ES")
    CountryRole.objects.bulk_create(
        [
            CountryRole(user=nso_ro, country=romania, role=CountryRoleKind.NSO_STAFF),
            CountryRole(user=nso_es, country=spain, role=CountryRoleKind.NSO_STAFF),
            *(
                CountryRole(
                    user=person,
                    country=romania,
                    role=CountryRoleKind.EVALUATOR,
                    appointed_at=timezone.make_aware(datetime.combine(since, time(9))),
                    appointed_by=nso_ro,
                )
                for person in (evaluator_ro, *colleagues)
            ),
        ]
    )
    _demo_signatories(romania, spain)
    admin = _person("admin", "TwinSchools Admin", password, is_staff=True, is_superuser=True)
    for person in (nso_ro, nso_es, evaluator_ro, *colleagues, admin):
        _enrol_demo_authenticator(person)
    return DemoAccounts(
        head, teacher, profesora, parent, pupil, nso_ro, nso_es, evaluator_ro, admin, cluj, lleida
    )


def _enrol_demo_authenticator(person: User) -> None:
    """An authenticator app with the published secret, and recovery codes, as if the person
    had enrolled through the two-step page."""
    TOTP.activate(person, DEMO_TOTP_SECRET)
    RecoveryCodes.activate(person)


def _demo_signatories(romania: Country, spain: Country) -> None:
    """The demo's NSO staff (fictional, like every demo persona) sign their country's
    certificates, so the demo's label certificate has a name under its signature line.
    Real NSOs' signatories are never loaded: each NSO names its own."""
    for country, name, title in (
        (romania, "Cristina Dobre", "Coordonatoare națională eTwinning"),
        (spain, "Jordi Ferrer", "Coordinador nacional eTwinning"),
    ):
        NationalSupportOrganisation.objects.update_or_create(
            country=country, defaults={"signatory_name": name, "signatory_title": title}
        )


def seed_demo_workspace(accounts: DemoAccounts, *, seed: int, today: date) -> None:
    """Gives the demo school a lived-in workspace: each workspace app seeds its part."""
    from twinschools.mission.registry import seed_demo

    people = {
        "head": accounts.head,
        "teacher": accounts.teacher,
        "parent": accounts.parent,
        "pupil": accounts.pupil,
        "profesora": accounts.profesora,
        "catalan_school": accounts.catalan_school,
    }
    rng = random.Random(f"twinschools:{seed}:workspace")
    # The demo school's times are its own: a 09:00 activity is 09:00 in Cluj (core/zones.py).
    with zones.local_to(accounts.head_school):
        seed_demo(school=accounts.head_school, people=people, rng=rng, today=today)


def _give_project_history(
    rng: random.Random, *, teacher: User, school: School, today: date, projects: int
) -> None:
    """Joins the school's latest projects, with labels for finished ones and dated activities."""
    chosen = list(
        Project.objects.filter(participations__school=school).order_by("-started_on", "id")[:projects]
    )
    ProjectTeacher.objects.bulk_create(
        [ProjectTeacher(project=project, teacher=teacher, school=school) for project in chosen]
    )
    texts = texts_for(school_language(school))
    labels = []
    for number, project in enumerate(p for p in chosen if p.status != ProjectStatus.ACTIVE and p.ended_on):
        granted = min(today, project.ended_on + timedelta(days=60))
        labels.append(_label(teacher, project, school, QualityLabelKind.NATIONAL, granted, f"{number}N"))
        if number == 0:
            european = min(today, granted + timedelta(days=150))
            labels.append(_label(teacher, project, school, QualityLabelKind.EUROPEAN, european, f"{number}E"))
    QualityLabel.objects.bulk_create(labels)
    activities = []
    for _ in range(14):
        project = rng.choice(chosen) if chosen and rng.random() < 0.5 else None
        kind = (
            ActivityKind.PROJECT
            if project
            else rng.choice([k for k in ActivityKind if k != ActivityKind.PROJECT])
        )
        title = (
            texts.project_work(
                rng.choice(texts.activity_titles["project"]),
                project_title=project.title,
                detail=rng.choice(texts.project_details),
            )
            if project
            else rng.choice(texts.activity_titles[str(kind)])
        )
        occurred = today - timedelta(days=int(rng.random() * 700))
        activities.append(
            Activity(
                teacher=teacher,
                school=school,
                kind=kind,
                project=project,
                title=title[:255],
                occurred_on=occurred,
            )
        )
    Activity.objects.bulk_create(activities)


def school_language(school: School) -> str:
    """The language the school writes its records in (texts.TEXT_LANGUAGES)."""
    region = school.region.code if school.region_id else None
    return language_of_school(country_code=school.country.code, region_code=region)


def _label(
    teacher: User, project: Project, school: School, kind: str, granted: date, suffix: str
) -> QualityLabel:
    return QualityLabel(
        external_id=f"QL-DEMO-{teacher.external_id}-{suffix}",
        kind=kind,
        teacher=teacher,
        project=project,
        school=school,
        granted_on=granted,
    )


def _create_class(rng: random.Random, *, school: School, parent: User, today: date) -> User:
    """Class 7B with its pupils; returns Ana, whose parent is the demo parent."""
    class_group = ClassGroup.objects.create(school=school, name=CLASS_NAME, code=CLASS_CODE)
    ana = None
    for index, name in enumerate(PUPILS):
        pin = ANA_PIN if name == "Ana" else f"{rng.randrange(10**6):06d}"
        pupil = User.objects.create(
            display_name=name, password=make_password(pin), external_id=f"DEMO-PUPIL-{index + 1}"
        )
        consented = name != WAITING_FOR_CONSENT
        profile = StudentProfile.objects.create(
            user=pupil,
            class_group=class_group,
            parental_consent=consented,
            consent_recorded_on=today if consented else None,
        )
        Membership.objects.create(user=pupil, school=school, role=Role.STUDENT, started_on=today)
        if name == "Ana":
            profile.guardians.add(parent)
            ana = pupil
    assert ana is not None
    return ana
