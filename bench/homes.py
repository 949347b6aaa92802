"""Each role's home page (issue 10): the head's, NSO staff's (the funnel over a whole country),
the evaluator's and the platform admin's. The teacher's home page is the `dashboard` operation.

Measured after the label eligibility check, so the NSO's funnel counts a real round: every
school of the country has its eligibility row, and the funnel's counts run over them all
(about 40,000 schools in the largest countries at Europe scale).
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


def _evaluators(codes: list[str]) -> list[int]:
    """One evaluator account per measured country (made once, kept in the bench database)."""
    from twinschools.accounts.models import CountryRole
    from twinschools.network.models import Country

    users = []
    for country in Country.objects.filter(code__in=codes):
        pk = _bench_user(
            f"evaluator.bench.{country.code.lower()}@example.org", full_name=f"Evaluator {country.code}"
        )
        CountryRole.objects.get_or_create(user_id=pk, country=country, role="evaluator")
        users.append(pk)
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
        "home_evaluator": rotate(evaluators, home_evaluator_floor),
        "home_admin": rotate([admin], home_admin_floor),
    }


def measure_homes(*, samples: int) -> dict[str, dict[str, Any]]:
    figures: dict[str, dict[str, Any]] = {}
    for name, requests in home_requests(samples).items():
        if not requests:
            continue
        print(f"Measuring {name} ({len(requests)} requests) ...", flush=True)
        result: Measurement = measure(name, requests, target_ms=HOME_TARGET_MS)
        figures[name] = result.figures()
    return figures
