"""The practice library: practices teachers share, with what colleagues make of them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from twinschools.network.models import Language, Subject


class Visibility(models.TextChoices):
    SCHOOL = "school", pgettext_lazy("visibility", "Our school's staff")
    NETWORK = "network", pgettext_lazy("visibility", "Everyone signed in to TwinSchools")
    PUBLIC = "public", pgettext_lazy("visibility", "Everyone, also without signing in")


class Practice(models.Model):
    school = models.ForeignKey("network.School", on_delete=models.CASCADE, related_name="practices")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="practices"
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=500)
    description = models.TextField(_("full description"))
    age_min = models.PositiveSmallIntegerField(_("youngest pupils' age"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("oldest pupils' age"), null=True, blank=True)
    levels = models.ManyToManyField("network.Level", verbose_name=_("education levels"), blank=True)
    # Subject codes from network.Subject, separated by spaces, as projects store them.
    subjects = models.CharField(_("subjects"), max_length=200, blank=True)
    approaches = models.ManyToManyField(
        "mission.Approach", verbose_name=_("pedagogical approaches"), blank=True, related_name="practices"
    )
    language = models.CharField(_("language of the text"), max_length=8)
    visibility = models.CharField(
        _("shared with"), max_length=10, choices=Visibility.choices, default=Visibility.SCHOOL
    )
    adapted_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="adaptations"
    )
    # The credit an adaptation gives, kept even if the original is deleted later.
    credit_title = models.CharField(_("adapted from"), max_length=200, blank=True)
    credit_school = models.ForeignKey(
        "network.School", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    credit_author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Folded title, summary, description, subject and level names (core.text.searchable_text).
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("shared on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["visibility", "-created_at"], name="practice_visibility_recent"),
            # The network library lists newest first over every school's practices.
            models.Index(fields=["-created_at", "-id"], name="practice_recent"),
            models.Index(fields=["school", "-created_at"], name="practice_school_recent"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(age_min__isnull=True)
                | models.Q(age_max__isnull=True)
                | models.Q(age_max__gte=models.F("age_min")),
                name="practice_ages_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def language_name(self) -> str:
        return str(Language(code=self.language))

    @property
    def subject_codes(self) -> list[str]:
        return [code for code in self.subjects.split() if code in Subject.values]

    @property
    def subject_labels(self) -> list[str]:
        return [str(Subject(code).label) for code in self.subject_codes]


class Link(models.Model):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(_("link title"), max_length=200)
    url = models.URLField(_("address"), max_length=500)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class Attachment(models.Model):
    """A file of a practice, kept in private storage and served only through a checked view."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="practices/%Y/%m/", max_length=300)
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class Comment(models.Model):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The commenter's school when they wrote, shown next to their name.
    school = models.ForeignKey("network.School", null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField(_("comment"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.body[:40]


class Tried(models.Model):
    """A colleague's "I tried it": once per person and practice, withdrawable."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="tried_marks")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    school = models.ForeignKey("network.School", null=True, on_delete=models.SET_NULL, related_name="+")
    tried_on = models.DateField(_("when you tried it"), null=True, blank=True)
    note = models.CharField(_("how it went"), max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["practice", "user"], name="tried_once_per_person")]

    def __str__(self) -> str:
        return f"{self.user_id} tried {self.practice_id}"
