"""Regional reach: who may open each page (see tests/authz.py)."""

from __future__ import annotations

from django.urls import reverse

from tests.authz import Case, only

STAFF_A = {"teacher_a": 200, "team_a": 200, "head_a": 200, "admin": 200}
NSO = {"nso_x": 200, "nso_y": 200, "admin": 200}

CASES = [
    Case(
        "reach:school_reach",
        lambda w: reverse("reach:school_reach", args=[w.school_a.pk]),
        only({**STAFF_A, "nso_x": 200}, others=404),
    ),
    # Platform admins pass every capability; NSO staff see their own countries only.
    Case("reach:country_reach", lambda w: reverse("reach:country_reach"), only(NSO, others=403)),
    # The exports start a background job and send to its page.
    Case(
        "reach:regions_csv",
        lambda w: reverse("reach:regions_csv"),
        only(dict.fromkeys(NSO, 302), others=403),
        method="post",
    ),
    Case(
        "reach:gaps_csv",
        lambda w: reverse("reach:gaps_csv"),
        only(dict.fromkeys(NSO, 302), others=403),
        method="post",
    ),
]
