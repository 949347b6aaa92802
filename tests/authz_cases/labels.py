"""Label rounds and eligibility: who may open each page (see tests/authz.py)."""

from __future__ import annotations

from django.urls import reverse

from tests.authz import ANYONE, Case, only
from tests.conftest import World
from twinschools.labels.models import FormVersion, ReviewRequest, Round

ADMIN = {"admin": 200}


def _round(w: World) -> Round:
    return Round.objects.get(name="2026-2027")


def _draft(w: World) -> str:
    round = _round(w)
    draft = Round.objects.create(
        **{
            field.name: getattr(round, field.name)
            for field in Round._meta.concrete_fields
            if field.name not in {"id", "name", "status", "created_at"}
        },
        name="2030-2031",
    )
    return reverse("labels:public_round", args=[draft.pk])


def _review(w: World) -> str:
    review = ReviewRequest.objects.create(
        round=_round(w),
        school=w.school_a,
        requested_by=w.people["head_a"],
        message="Our third teacher was on leave.",
    )
    return reverse("labels:review_answer", args=[review.pk])


def _review_of_b(w: World) -> str:
    review = ReviewRequest.objects.create(
        round=_round(w), school=w.school_b, requested_by=w.people["teacher_b"], message="Please check."
    )
    return reverse("labels:review_answer", args=[review.pk])


CASES = [
    Case("labels:public_rounds", lambda w: reverse("labels:public_rounds"), ANYONE),
    Case("labels:public_round", lambda w: reverse("labels:public_round", args=[_round(w).pk]), ANYONE),
    # A draft's rules are the admins' business until it is published.
    Case("labels:public_round", _draft, dict.fromkeys(ANYONE, 404)),
    Case("labels:admin_rounds", lambda w: reverse("labels:admin_rounds"), only(ADMIN, others=403)),
    Case("labels:round_create", lambda w: reverse("labels:round_create"), only(ADMIN, others=403)),
    Case(
        "labels:round_edit",
        lambda w: reverse("labels:round_edit", args=[_round(w).pk]),
        only(ADMIN, others=404),
    ),
    # POST only: the admin gets 405 on a GET, everybody else learns nothing.
    Case(
        "labels:round_action",
        lambda w: reverse("labels:round_action", args=[_round(w).pk]),
        only({"admin": 405}, others=404),
    ),
    Case(
        "labels:round_action",
        lambda w: reverse("labels:round_action", args=[_round(w).pk]),
        only({"admin": 302}, others=404),
        method="post",
    ),
    Case(
        "labels:form_version",
        lambda w: reverse("labels:form_version", args=[FormVersion.objects.get(code="2023").pk]),
        only(ADMIN, others=404),
    ),
    Case(
        "labels:school",
        lambda w: reverse("labels:school", args=[w.school_a.pk]),
        only({"teacher_a": 200, "team_a": 200, "head_a": 200, "nso_x": 200, "admin": 200}, others=404),
    ),
    # A request without a round is sent back; NSO staff may not ask (superusers pass every permission).
    Case(
        "labels:school",
        lambda w: reverse("labels:school", args=[w.school_a.pk]),
        only({"teacher_a": 302, "team_a": 302, "head_a": 302, "nso_x": 403, "admin": 302}, others=404),
        method="post",
    ),
    # POST only; without a round the NSO is sent back to the page with the message.
    Case(
        "labels:grant_exception",
        lambda w: reverse("labels:grant_exception", args=[w.school_a.pk]),
        only({"nso_x": 405, "admin": 405}, others=404),
    ),
    Case(
        "labels:grant_exception",
        lambda w: reverse("labels:grant_exception", args=[w.school_a.pk]),
        only({"nso_x": 302, "admin": 302}, others=404),
        method="post",
    ),
    Case(
        "labels:nso",
        lambda w: reverse("labels:nso", args=["ro"]),
        only({"nso_x": 200, "admin": 200}, others=404),
    ),
    Case(
        "labels:nso",
        lambda w: reverse("labels:nso", args=["es"]),
        only({"nso_y": 200, "admin": 200}, others=404),
    ),
    Case("labels:review_answer", _review, only({"nso_x": 405, "admin": 405}, others=404)),
    Case("labels:review_answer", _review, only({"nso_x": 302, "admin": 302}, others=404), method="post"),
    Case("labels:review_answer", _review_of_b, only({"nso_x": 302, "admin": 302}, others=404), method="post"),
]
