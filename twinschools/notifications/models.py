"""In-app notifications, stored as a kind and its parameters.

The sentence is rendered when it is shown or mailed, in the reader's language,
so a notification reads right whoever opens it and whatever language they chose.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Delivery(models.TextChoices):
    """How a person hears of one kind of notification, beyond the app (which always shows it)."""

    AT_ONCE = "at_once", _("By e-mail at once")
    DAILY = "daily", _("In a daily e-mail digest")
    WEEKLY = "weekly", _("In a weekly e-mail digest")
    APP_ONLY = "app_only", _("In the app only")


DIGESTS = (Delivery.DAILY, Delivery.WEEKLY)


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=60)
    params = models.JSONField(default=dict, blank=True)
    school = models.ForeignKey(
        "network.School", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    target = models.CharField(max_length=100, blank=True)  # e.g. "proposal:12"
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # When its e-mail was queued in the outbox (at once, or in a digest).
    emailed_at = models.DateTimeField(null=True, blank=True)
    # "daily" or "weekly" while it waits for its recipient's digest; empty otherwise.
    digest = models.CharField(max_length=10, blank=True, default="", db_default="")

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"]),
            models.Index(fields=["recipient", "read_at"]),
            models.Index(
                fields=["digest", "recipient"],
                name="notifications_digest_due",
                condition=models.Q(emailed_at__isnull=True) & ~models.Q(digest=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    @property
    def message(self) -> str:
        from twinschools.notifications.kinds import render

        return render(self.kind, self.params)


class NotificationPreference(models.Model):
    """A person's choice for one kind of notification; without a row, e-mail at once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("kind"), max_length=60)
    delivery = models.CharField(
        _("delivery"), max_length=10, choices=Delivery.choices, default=Delivery.AT_ONCE
    )

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notifications_one_preference_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {self.delivery}"
