"""Each role's home page (issue 10): the head's, NSO staff's (the funnel over a whole country),
the evaluator's and the platform admin's. The teacher's home page is the `dashboard` operation.

Measured after the label eligibility check, whose round is then published as the round open
now, so the NSO's funnel counts a real round: every school of the country has its eligibility
row, and the funnel's counts run over them all (about 40,000 schools in the largest countries
at Europe scale). Each measured country gets 150 submitted applications in that round, 40 of
them reviewed by its bench evaluator (some overdue, half with a draft review), so the NSO's
evaluation to-dos and the evaluator's assignments have rows to read.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from django.urls import reverse

from bench.floors import (
    Statement,
    home_admin_floor,
    home_evaluator_floor,
    home_head_floor,
    home_nso_floor,
)
from bench.measure import Measurement, Request, measure
from bench.outreach import _nso_users

HOME_TARGET_MS = 100.0
HOME_OPERATIONS = ("home_head", "home_nso", "home_evaluator", "home_admin")


def _bench_user(email: str, **fields: Any) -> int:
    from twinschools.accounts.models import User

    user, _created = User.objects.get_or_create(email=email, defaults=fields)
    return user.pk


def _evaluators(codes: list[str]) -> dict[str, int]:
    """One evaluator account per measured country (made once, kept in the bench database)."""
    from twinschools.accounts.models import CountryRole
    from twinschools.network.models import Country

    users = {}
    for country in Country.objects.filter(code__in=codes):
        pk = _bench_user(
            f"evaluator.bench.{country.code.lower()}@example.org", full_name=f"Evaluator {country.code}"
        )
        CountryRole.objects.get_or_create(user_id=pk, country=country, role="evaluator")
        users[country.code] = pk
    return users


def head_samples(count: int, *, seed: int = 21) -> list[int]:
    from twinschools.accounts.models import Membership

    heads = list(
        Membership.objects.filter(role="head").order_by("pk").values_list("user_id", flat=True)[:20000]
    )
    rng = random.Random(seed)
    return [rng.choice(heads) for _ in range(count)] if heads else []


def home_requests(samples: int) -> dict[str, list[Request]]:
    url = reverse("accounts:dashboard")
    nso = _nso_users()
    evaluators = _evaluators(list(nso))
    seeded = seed_applications(evaluators)
    if seeded:
        print(f"  {seeded:,} submitted applications for the evaluation pages", flush=True)
    admin = _bench_user("admin.bench@example.org", full_name="Admin", is_staff=True, is_superuser=True)
    nso_ids = list(nso.values())

    def rotate(users: list[int], floor: Callable[[int], Statement]) -> list[Request]:
        return [
            Request(url=url, user_id=users[index % len(users)], floor=floor(users[index % len(users)]))
            for index in range(samples)
            if users
        ]

    return {
        "home_head": [
            Request(url=url, user_id=pk, floor=home_head_floor(pk)) for pk in head_samples(samples)
        ],
        "home_nso": rotate(nso_ids, home_nso_floor),
        "home_evaluator": rotate(list(evaluators.values()), home_evaluator_floor),
        "home_admin": rotate([admin], home_admin_floor),
    }


def open_the_checked_round() -> None:
    """Publish the round the eligibility benchmark checked, open now, so the NSO's funnel counts it.

    Its 300,000 eligibility rows are then the funnel's (about 40,000 in the largest countries).
    The eligibility benchmark sets it back to a draft with the 2026-27 dates when it runs again."""
    from datetime import timedelta

    from django.utils import timezone

    from bench.labels import ROUND_NAME
    from twinschools.labels.models import Round

    now = timezone.now()
    Round.objects.filter(name=ROUND_NAME).update(
        status="published", opens_at=now - timedelta(days=7), closes_at=now + timedelta(days=28)
    )


APPLICATIONS_PER_COUNTRY = 150  # submitted applications in each measured country
EVALUATOR_LOAD = 40  # of which the bench evaluator of the country reviews this many


def seed_applications(evaluators: dict[str, int]) -> int:
    """Submitted applications in the checked round for each measured country, in evaluation.

    Each country's first eligible schools apply; every application has a submission and an
    evaluation; the country's bench evaluator reviews EVALUATOR_LOAD of them (due dates spread
    from ten days ago to twenty ahead, half with a draft review) next to a second evaluator,
    and the rest wait for evaluators. Made once (bulk inserts), kept in the bench database."""
    from datetime import timedelta

    from django.db import transaction
    from django.utils import timezone

    from bench.labels import ROUND_NAME
    from twinschools.applications.models import Application, Submission
    from twinschools.evaluation.models import Assignment, Evaluation, Review
    from twinschools.labels.models import Eligibility, Round

    round = Round.objects.get(name=ROUND_NAME)
    if Application.objects.filter(round=round).exists():
        return 0
    now, today = timezone.now(), timezone.localdate()
    second = _bench_user("evaluator.bench.second@example.org", full_name="Second evaluator")
    made = 0
    with transaction.atomic():
        for code, evaluator in evaluators.items():
            school_ids = list(
                Eligibility.objects.filter(round=round, eligible=True, school__country__code=code)
                .order_by("school_id")
                .values_list("school_id", flat=True)[:APPLICATIONS_PER_COUNTRY]
            )
            apps = Application.objects.bulk_create(
                [Application(round=round, school_id=pk, status="submitted") for pk in school_ids]
            )
            submissions = Submission.objects.bulk_create(
                [
                    Submission(
                        application=app,
                        number=1,
                        snapshot={},
                        content_hash="bench",
                        declaration_version="bench",
                        signed_at=now,
                    )
                    for app in apps
                ]
            )
            evaluations = Evaluation.objects.bulk_create([Evaluation(application=app) for app in apps])
            reviewed = list(zip(evaluations, submissions, strict=True))[:EVALUATOR_LOAD]
            mine = Assignment.objects.bulk_create(
                [
                    Assignment(
                        evaluation=ev, evaluator_id=evaluator, due_on=today + timedelta(days=n % 30 - 10)
                    )
                    for n, (ev, _sub) in enumerate(reviewed)
                ]
            )
            Assignment.objects.bulk_create(
                [Assignment(evaluation=ev, evaluator_id=second, due_on=today) for ev, _sub in reviewed]
            )
            Review.objects.bulk_create(
                [
                    Review(assignment=assignment, submission=sub)
                    for assignment, (_ev, sub) in list(zip(mine, reviewed, strict=True))[::2]
                ]
            )
            made += len(apps)
    return made


def measure_homes(*, samples: int) -> dict[str, dict[str, Any]]:
    open_the_checked_round()
    figures: dict[str, dict[str, Any]] = {}
    for name, requests in home_requests(samples).items():
        if not requests:
            continue
        print(f"Measuring {name} ({len(requests)} requests) ...", flush=True)
        result: Measurement = measure(name, requests, target_ms=HOME_TARGET_MS)
        figures[name] = result.figures()
    return figures
