"""A school's time zone: its head (and platform admins) set it; nobody else learns the page exists."""

from __future__ import annotations

from django.urls import reverse

from tests.authz import Case, only

CASES = [
    Case(
        "network:school_time_zone",
        lambda w: reverse("network:school_time_zone", args=[w.school_a.pk]),
        only({"head_a": 200, "admin": 200}, others=404),
    ),
    Case(
        "network:school_time_zone (empty post)",
        lambda w: reverse("network:school_time_zone", args=[w.school_a.pk]),
        only({"head_a": 400, "admin": 400}, others=404),
        method="post",
    ),
]
