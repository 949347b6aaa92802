"""Outreach events a school organises for teachers, heads and parents (issue 4, commitment 4)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from twinschools.network.models import School


class Kind(models.TextChoices):
    OPEN_DAY = "open_day", _("Open day")
    INFORMATION = "information", _("Information session")
    WORKSHOP = "workshop", _("Workshop")
    COURSE = "course", _("Course")


class EventStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("event status", "Draft")
    PUBLISHED = "published", pgettext_lazy("event status", "Published")
    CANCELLED = "cancelled", pgettext_lazy("event status", "Cancelled")


class Role(models.TextChoices):
    TEACHER = "teacher", _("Teacher")
    HEAD = "head", _("Head of school")
    PARENT = "parent", pgettext_lazy("person", "Parent")
    OTHER = "other", pgettext_lazy("person", "Other")


class Event(models.Model):
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    for_teachers = models.BooleanField(_("for teachers"), default=True)
    for_heads = models.BooleanField(_("for heads of school"), default=False)
    for_parents = models.BooleanField(_("for parents"), default=False)
    online = models.BooleanField(_("online"), default=False)
    address = models.CharField(_("address"), max_length=255, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=8, default="ro")
    capacity = models.PositiveIntegerField(_("seats"))
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    approval_required = models.BooleanField(_("registrations need the organisers' approval"), default=False)
    status = models.CharField(max_length=12, choices=EventStatus.choices, default=EventStatus.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    # Left on the event when its registrations are purged after the retention period.
    registered_count = models.PositiveIntegerField(null=True, blank=True)
    attended_count = models.PositiveIntegerField(null=True, blank=True)
    registrations_purged_at = models.DateTimeField(null=True, blank=True)
    # The span of its sessions, kept by services.refresh_span, so the public calendar reads
    # upcoming events in start order from an index instead of aggregating every session.
    first_starts_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_ends_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["school", "status"], name="event_school_status"),
            models.Index(
                fields=["first_starts_at", "id"],
                condition=models.Q(status="published"),
                name="event_calendar_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Session(models.Model):
    """One meeting of an event; a course has several, and attendance is counted per session."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))

    class Meta:
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return f"{self.event_id}@{self.starts_at:%Y-%m-%d %H:%M}"

    # The organising school, for the permission predicates (accounts/rules.py).
    @property
    def owning_school(self) -> School:
        return self.event.school

    @property
    def owning_school_id(self) -> int:
        return self.event.school_id


class RegistrationStatus(models.TextChoices):
    AWAITING_EMAIL = "awaiting_email", _("Awaiting e-mail confirmation")
    AWAITING_APPROVAL = "awaiting_approval", _("Awaiting approval")
    CONFIRMED = "confirmed", pgettext_lazy("registration status", "Confirmed")
    WAITING_LIST = "waiting_list", _("On the waiting list")
    SEAT_OFFERED = "seat_offered", _("Seat offered")
    CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")
    DECLINED = "declined", pgettext_lazy("registration status", "Declined")


# The statuses that hold a seat: counted against the capacity.
HOLDS_SEAT = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.SEAT_OFFERED,
    RegistrationStatus.AWAITING_APPROVAL,
)


class Registration(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(_("name"), max_length=160)
    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("you are"), max_length=12, choices=Role.choices)
    school = models.ForeignKey(School, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    school_name = models.CharField(_("school"), max_length=255, blank=True)
    language = models.CharField(max_length=8, default="en")
    status = models.CharField(
        max_length=20, choices=RegistrationStatus.choices, default=RegistrationStatus.AWAITING_EMAIL
    )
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    attended = models.ManyToManyField(Session, blank=True, related_name="attendees")
    reminded_at = models.DateTimeField(null=True, blank=True)  # the day-before reminder, sent once

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.event_id}:{self.pk}"

    # A registration is the organising school's data; `school` is the registrant's school.
    @property
    def owning_school(self) -> School:
        return self.event.school

    @property
    def owning_school_id(self) -> int:
        return self.event.school_id
