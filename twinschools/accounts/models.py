"""People, their roles per school and above schools, invitations and pupils."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class UserManager(BaseUserManager["User"]):
    def create_user(self, email: str | None, password: str | None = None, **fields: Any) -> User:
        user = self.model(email=self.normalize_email(email).lower() if email else None, **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> User:
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. Pupils are people without e-mail, known only by a display name."""

    email = models.EmailField(_("e-mail address"), unique=True, null=True, blank=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    display_name = models.CharField(_("display name"), max_length=100, blank=True)
    external_id = models.CharField(_("external id"), max_length=64, unique=True, null=True, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    is_staff = models.BooleanField(_("platform staff"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    # Set when the person's data was erased: the row keeps no name or address, and pages show
    # a translated placeholder (never stored, so the database holds no trace of the person).
    erased_at = models.DateTimeField(_("erased on"), null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.public_name

    @property
    def public_name(self) -> str:
        if self.erased_at is not None:
            return str(_("Erased person"))
        return self.display_name or self.full_name or (self.email or "").split("@")[0]

    def get_full_name(self) -> str:
        if self.erased_at is not None:
            return str(_("Erased person"))
        return self.full_name or self.display_name

    def get_short_name(self) -> str:
        return self.public_name


class Role(models.TextChoices):
    HEAD = "head", pgettext_lazy("school role", "Head of school")
    TEACHER = "teacher", pgettext_lazy("school role", "Teacher")
    STUDENT = "student", pgettext_lazy("school role", "Student")
    PARENT = "parent", pgettext_lazy("school role", "Parent")


STAFF_ROLES = (Role.HEAD, Role.TEACHER)


class Membership(models.Model):
    """A person's role at a school, for a period. A person may hold several."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    school = models.ForeignKey("network.School", on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    started_on = models.DateField(_("since"), default=timezone.localdate)
    ended_on = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "school", "role"],
                condition=models.Q(ended_on__isnull=True),
                name="one_current_membership_per_role",
            )
        ]
        indexes = [models.Index(fields=["school", "role"], name="membership_school_role")]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.school}"


class CountryRoleKind(models.TextChoices):
    NSO_STAFF = "nso", pgettext_lazy("country role", "National support organisation staff")
    EVALUATOR = "evaluator", pgettext_lazy("country role", "Evaluator")


class CountryRole(models.Model):
    """A role above schools, scoped to one country. A deactivated role is kept (who held it,
    who appointed and who ended it) but gives no rights: core.authz reads active roles only."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="country_roles")
    country = models.ForeignKey("network.Country", on_delete=models.CASCADE, related_name="+")
    role = models.CharField(_("role"), max_length=10, choices=CountryRoleKind.choices)
    appointed_at = models.DateTimeField(_("appointed"), null=True, blank=True)
    appointed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    deactivated_at = models.DateTimeField(_("deactivated"), null=True, blank=True)
    deactivated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "country", "role"], name="country_role_once")]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.country}"

    @property
    def is_active(self) -> bool:
        return self.deactivated_at is None


class ClassGroup(models.Model):
    """A class of pupils; pupils join it with its code and their personal PIN."""

    school = models.ForeignKey("network.School", on_delete=models.CASCADE, related_name="classes")
    name = models.CharField(_("class name"), max_length=60)
    code = models.CharField(_("class code"), max_length=12, unique=True)

    class Meta:
        verbose_name = _("class")
        verbose_name_plural = _("classes")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class StudentProfile(models.Model):
    """The minimum we keep about a pupil: no birth date, no e-mail."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="student")
    class_group = models.ForeignKey(ClassGroup, on_delete=models.CASCADE, related_name="students")
    parental_consent = models.BooleanField(_("parental consent given"), default=False)
    consent_recorded_on = models.DateField(_("consent recorded on"), null=True, blank=True)
    guardians = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="children", blank=True, verbose_name=_("parents")
    )

    class Meta:
        verbose_name = _("student")
        verbose_name_plural = _("students")

    def __str__(self) -> str:
        return self.user.public_name

    @property
    def owning_school_id(self) -> int:
        """A pupil belongs to their class's school (for the permission predicates)."""
        return self.class_group.school_id

    @property
    def owning_school(self) -> Any:
        return self.class_group.school


class Invitation(models.Model):
    """An invitation to take a role: at a school (a head invites a colleague to its staff,
    `role` a Role) or in a country (its NSO invites an evaluator, `role` a CountryRoleKind)."""

    school = models.ForeignKey(
        "network.School", null=True, blank=True, on_delete=models.CASCADE, related_name="invitations"
    )
    country = models.ForeignKey(
        "network.Country", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(
        _("role"), max_length=10, choices=Role.choices + CountryRoleKind.choices, default=Role.TEACHER
    )
    token = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(school__isnull=False, country__isnull=True)
                | models.Q(school__isnull=True, country__isnull=False),
                name="invitation_to_a_school_or_a_country",
            )
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def place_name(self) -> str:
        """Where the role is held: the school's name, or the country's."""
        return self.school.name if self.school is not None else str(self.country.name)  # type: ignore[union-attr]

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > timezone.now()


class HomeVisit(models.Model):
    """When a person last opened their home page, so that it can say what changed since.

    `previous_at` is the start of the last visit: a visit lasts until the person has been
    away for a while (services.VISIT_GAP), so reloading the page does not empty its
    "since your last visit" list.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    seen_at = models.DateTimeField()
    previous_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.user_id} · {self.seen_at:%Y-%m-%d %H:%M}"
