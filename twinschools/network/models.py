"""The registry of the eTwinning network: the facts that later decide label eligibility."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import get_language_info, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from twinschools.core import zones
from twinschools.core.text import searchable_text


class Country(models.Model):
    """An eTwinning country; its name comes translated from django-countries."""

    code = models.CharField(_("ISO code"), max_length=2, unique=True)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return str(countries.name(self.code) or self.code)


class Region(models.Model):
    """A NUTS-like region of a country (a Romanian county, a Catalan province...)."""

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="regions")
    code = models.CharField(_("code"), max_length=12)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["country", "code"], name="region_code_unique_per_country")
        ]

    def __str__(self) -> str:
        return self.name


class EducationLevel(models.TextChoices):
    PRE_PRIMARY = "pre-primary", pgettext_lazy("education level", "Pre-primary")
    PRIMARY = "primary", pgettext_lazy("education level", "Primary")
    LOWER_SECONDARY = "lower-secondary", pgettext_lazy("education level", "Lower secondary")
    UPPER_SECONDARY = "upper-secondary", pgettext_lazy("education level", "Upper secondary")
    VOCATIONAL = "vocational", pgettext_lazy("education level", "Vocational")


class Level(models.Model):
    """One row per education level, so schools can be filtered by level with a join."""

    code = models.CharField(max_length=20, choices=EducationLevel.choices, unique=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return str(EducationLevel(self.code).label)


# Languages of the network that Django's own tables do not name.
_MORE_LANGUAGE_NAMES = {"mt": _("Maltese")}


class Language(models.Model):
    """A teaching language, named in the reader's language by Django's own tables."""

    code = models.CharField(max_length=8, unique=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        if self.code in _MORE_LANGUAGE_NAMES:
            return str(_MORE_LANGUAGE_NAMES[self.code])
        return str(get_language_info(self.code)["name_translated"])


class School(models.Model):
    external_id = models.CharField(_("external id"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=255)
    # Folded name and town (see core.text.fold), the column the directory searches.
    search_text = models.CharField(max_length=400, editable=False, db_index=True)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="schools")
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="schools", null=True, blank=True
    )
    town = models.CharField(_("town"), max_length=120)
    address = models.CharField(_("address"), max_length=255, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    # An IANA name; set from the country (reference.TIME_ZONES) when the school is created,
    # then the head's to change (core/zones.py activates it on the school's pages).
    time_zone = models.CharField(
        _("time zone"), max_length=64, default=zones.default_name, validators=[zones.validate]
    )
    registered_on = models.DateField(_("registered in eTwinning on"))
    levels = models.ManyToManyField(Level, verbose_name=_("education levels"), blank=True)
    languages = models.ManyToManyField(Language, verbose_name=_("languages"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        ordering = ["search_text", "id"]
        indexes = [models.Index(fields=["country", "search_text"], name="school_country_name")]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def search_text_for(name: str, town: str) -> str:
        return searchable_text(f"{name} {town}"[:390])


class SchoolLabel(models.Model):
    """An eTwinning School label the school holds or held (two calendar years)."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="labels")
    first_year = models.PositiveSmallIntegerField(_("first year"))
    last_year = models.PositiveSmallIntegerField(_("last year"))

    class Meta:
        verbose_name = _("eTwinning School label")
        verbose_name_plural = _("eTwinning School labels")
        ordering = ["-first_year"]
        constraints = [
            models.UniqueConstraint(fields=["school", "first_year"], name="one_label_per_school_period"),
            models.CheckConstraint(
                condition=models.Q(last_year__gte=models.F("first_year")), name="label_years_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_year}-{self.last_year}"


class Subject(models.TextChoices):
    LANGUAGES = "languages", pgettext_lazy("subject", "Foreign languages")
    MOTHER_TONGUE = "mother-tongue", pgettext_lazy("subject", "Language and literature")
    MATHS = "maths", pgettext_lazy("subject", "Mathematics")
    SCIENCE = "science", pgettext_lazy("subject", "Natural sciences")
    ICT = "ict", pgettext_lazy("subject", "Informatics and ICT")
    HISTORY = "history", pgettext_lazy("subject", "History")
    GEOGRAPHY = "geography", pgettext_lazy("subject", "Geography")
    ARTS = "arts", pgettext_lazy("subject", "Arts")
    MUSIC = "music", pgettext_lazy("subject", "Music")
    CITIZENSHIP = "citizenship", pgettext_lazy("subject", "Citizenship")
    ENVIRONMENT = "environment", pgettext_lazy("subject", "Environmental education")
    PE = "pe", pgettext_lazy("subject", "Physical education")
    CROSS = "cross-curricular", pgettext_lazy("subject", "Cross-curricular")


class ProjectStatus(models.TextChoices):
    ACTIVE = "active", pgettext_lazy("project status", "Active")
    COMPLETED = "completed", pgettext_lazy("project status", "Completed")
    ARCHIVED = "archived", pgettext_lazy("project status", "Archived")


class Project(models.Model):
    external_id = models.CharField(_("external id"), max_length=64, unique=True)
    title = models.CharField(_("title"), max_length=255)
    status = models.CharField(
        _("status"), max_length=12, choices=ProjectStatus.choices, default=ProjectStatus.ACTIVE
    )
    # Subject codes from Subject, separated by spaces: a short, fixed vocabulary.
    subjects = models.CharField(_("subjects"), max_length=200, blank=True)
    age_min = models.PositiveSmallIntegerField(_("youngest pupils' age"))
    age_max = models.PositiveSmallIntegerField(_("oldest pupils' age"))
    started_on = models.DateField(_("start"))
    ended_on = models.DateField(_("end"), null=True, blank=True)
    schools = models.ManyToManyField(School, through="ProjectSchool", related_name="projects")

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-started_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(age_max__gte=models.F("age_min")), name="project_ages_ordered"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def subject_labels(self) -> list[str]:
        return [str(Subject(code).label) for code in self.subjects.split() if code in Subject.values]


class ProjectSchool(models.Model):
    """A school taking part in a project, as founder or partner."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="participations")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="participations")
    is_founder = models.BooleanField(_("founder"), default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["project", "school"], name="school_once_per_project")]

    def __str__(self) -> str:
        return f"{self.school_id} in {self.project_id}"


class ProjectTeacher(models.Model):
    """A teacher working on a project for a given school."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="teachers")
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="project_roles"
    )
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["project", "teacher", "school"], name="teacher_once_per_project_school"
            )
        ]

    def __str__(self) -> str:
        return f"{self.teacher_id} for {self.school_id} in {self.project_id}"


class QualityLabelKind(models.TextChoices):
    NATIONAL = "national", pgettext_lazy("quality label", "National Quality Label")
    EUROPEAN = "european", pgettext_lazy("quality label", "European Quality Label")


class QualityLabel(models.Model):
    """A quality label, granted to a teacher for a project while at a given school."""

    external_id = models.CharField(_("external id"), max_length=64, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=QualityLabelKind.choices)
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quality_labels"
    )
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="quality_labels")
    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="quality_labels", db_index=False
    )
    granted_on = models.DateField(_("granted on"))

    class Meta:
        verbose_name = _("quality label")
        verbose_name_plural = _("quality labels")
        ordering = ["-granted_on", "id"]
        indexes = [models.Index(fields=["school", "kind", "granted_on"], name="qlabel_school_kind_date")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.granted_on}"


class ActivityKind(models.TextChoices):
    PROJECT = "project", pgettext_lazy("activity kind", "Project work")
    PROFESSIONAL_DEVELOPMENT = "pd", pgettext_lazy("activity kind", "Professional development")
    GROUP = "group", pgettext_lazy("activity kind", "eTwinning group")
    EVENT = "event", pgettext_lazy("activity kind", "Event")


class Activity(models.Model):
    """A teacher's dated participation: the raw facts behind 'active teachers'."""

    external_id = models.CharField(_("external id"), max_length=64, unique=True, null=True, blank=True)
    # The composite indexes below start with these columns, so no separate FK index.
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="activities",
        db_index=False,
    )
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="activities", db_index=False)
    kind = models.CharField(_("kind"), max_length=8, choices=ActivityKind.choices)
    project = models.ForeignKey(
        Project, on_delete=models.SET_NULL, null=True, blank=True, related_name="activities"
    )
    title = models.CharField(_("title"), max_length=255)
    occurred_on = models.DateField(_("date"))

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-occurred_on", "-id"]
        indexes = [
            models.Index(fields=["school", "occurred_on"], name="activity_school_date"),
            models.Index(fields=["teacher", "occurred_on"], name="activity_teacher_date"),
        ]

    def __str__(self) -> str:
        return self.title


class NationalSupportOrganisation(models.Model):
    """Who runs eTwinning in a country, as printed on certificates and signed into credentials.

    One row per country (a data migration loads the real NSOs, where public); the NSO edits
    its own. Empty fields fall back to a generic name and a monogram (network/nso.py).
    """

    country = models.OneToOneField(Country, on_delete=models.CASCADE, related_name="nso")
    name = models.CharField(_("official name"), max_length=255, blank=True)
    name_en = models.CharField(_("name in English"), max_length=255, blank=True)
    acronym = models.CharField(_("short name"), max_length=20, blank=True)
    address = models.TextField(_("postal address"), max_length=500, blank=True)
    website = models.URLField(_("website"), blank=True)
    # PNG or JPEG only: an uploaded SVG served from our domain could carry script.
    logo = models.FileField(_("logo"), upload_to="nso/logos/", max_length=300, blank=True)
    signatory_name = models.CharField(_("name of the person who signs"), max_length=160, blank=True)
    signatory_title = models.CharField(_("title of the person who signs"), max_length=160, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("national support organisation")
        verbose_name_plural = _("national support organisations")
        ordering = ["country__code"]

    def __str__(self) -> str:
        return self.name_en or self.name or self.country.code
