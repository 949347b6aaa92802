"""factory_boy factories: plain, with no surprising side effects."""

from __future__ import annotations

import datetime

import factory
from allauth.account.models import EmailAddress

from twinschools.accounts.models import (
    ClassGroup,
    CountryRole,
    Invitation,
    Membership,
    Role,
    StudentProfile,
    User,
)
from twinschools.network.models import (
    Activity,
    Country,
    Level,
    Project,
    ProjectSchool,
    ProjectTeacher,
    QualityLabel,
    Region,
    School,
    SchoolLabel,
)
from twinschools.network.reference import time_zone_for

PASSWORD = "correct horse battery staple"


def country(code: str) -> Country:
    return Country.objects.get_or_create(code=code)[0]


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region

    country = factory.LazyFunction(lambda: country("RO"))
    code = factory.Sequence(lambda n: f"R{n:04d}")
    name = factory.Sequence(lambda n: f"Region {n}")


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School
        skip_postgeneration_save = True

    external_id = factory.Sequence(lambda n: f"SCH-{n:06d}")
    name = factory.Sequence(lambda n: f"Școala Gimnazială nr. {n}")
    town = "Cluj-Napoca"
    country = factory.LazyFunction(lambda: country("RO"))
    region = factory.SubFactory(RegionFactory, country=factory.SelfAttribute("..country"))
    registered_on = datetime.date(2015, 9, 1)
    search_text = factory.LazyAttribute(lambda school: School.search_text_for(school.name, school.town))
    time_zone = factory.LazyAttribute(lambda school: time_zone_for(school.country.code))

    @factory.post_generation
    def levels(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        if create:
            codes = extracted if extracted is not None else ["primary", "lower-secondary"]
            self.levels.set(Level.objects.filter(code__in=codes))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(self, create: bool, extracted: bool | None, **kwargs: object) -> None:
        # Sign-in requires a verified address (ACCOUNT_EMAIL_VERIFICATION=mandatory).
        if create and self.email and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    school = factory.SubFactory(SchoolFactory)
    role = Role.TEACHER
    started_on = datetime.date(2020, 9, 1)


class CountryRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CountryRole

    user = factory.SubFactory(UserFactory)
    country = factory.LazyFunction(lambda: country("RO"))
    role = "nso"


class ClassGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClassGroup

    school = factory.SubFactory(SchoolFactory)
    name = factory.Sequence(lambda n: f"{n % 8 + 5}B")
    code = factory.Sequence(lambda n: f"CLS{n:05d}")


class StudentFactory(factory.django.DjangoModelFactory):
    """A pupil: a display name, a class, a PIN; no e-mail."""

    class Meta:
        model = StudentProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(
        UserFactory,
        email=None,
        full_name="",
        display_name=factory.Sequence(lambda n: f"Pupil {n}"),
        password=factory.django.Password("123456"),
    )
    class_group = factory.SubFactory(ClassGroupFactory)
    parental_consent = True

    @factory.post_generation
    def membership(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            Membership.objects.create(user=self.user, school=self.class_group.school, role=Role.STUDENT)


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    school = factory.SubFactory(SchoolFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    token = factory.Sequence(lambda n: f"token-{n:08d}")
    invited_by = factory.SubFactory(UserFactory)
    expires_at = factory.LazyFunction(
        lambda: datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=14)
    )


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    external_id = factory.Sequence(lambda n: f"PRJ-{n:06d}")
    title = factory.Sequence(lambda n: f"Our common water {n}")
    subjects = "science environment"
    age_min = 10
    age_max = 14
    started_on = datetime.date(2024, 10, 1)


class ProjectSchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectSchool

    project = factory.SubFactory(ProjectFactory)
    school = factory.SubFactory(SchoolFactory)
    is_founder = True


class ProjectTeacherFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectTeacher

    project = factory.SubFactory(ProjectFactory)
    teacher = factory.SubFactory(UserFactory)
    school = factory.SubFactory(SchoolFactory)


class QualityLabelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QualityLabel

    external_id = factory.Sequence(lambda n: f"QL-{n:06d}")
    kind = "national"
    teacher = factory.SubFactory(UserFactory)
    project = factory.SubFactory(ProjectFactory)
    school = factory.SubFactory(SchoolFactory)
    granted_on = datetime.date(2025, 6, 1)


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    teacher = factory.SubFactory(UserFactory)
    school = factory.SubFactory(SchoolFactory)
    kind = "pd"
    title = factory.Sequence(lambda n: f"Online seminar {n}")
    occurred_on = datetime.date(2025, 3, 14)


class SchoolLabelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SchoolLabel

    school = factory.SubFactory(SchoolFactory)
    first_year = factory.LazyFunction(lambda: datetime.date.today().year)
    last_year = factory.LazyFunction(lambda: datetime.date.today().year + 1)
