"""Time the mentoring matcher on a generated country: optimal against greedy.

    manage.py bench_matching --mentees 5000 --mentors 500

Schools are scattered over Romania's bounding box; nothing is written to the database.
"""

from __future__ import annotations

import random
import time
from typing import Any

from django.core.management.base import BaseCommand

from twinschools.mentoring.matching import Party, greedy, optimal

ROMANIA = ((43.6, 48.2), (20.3, 29.7))  # latitude and longitude ranges


def generated(count: int, *, first_key: int, rng: random.Random, mentors: bool) -> list[Party]:
    (lat_lo, lat_hi), (lon_lo, lon_hi) = ROMANIA
    return [
        Party(
            key=first_key + i,
            latitude=rng.uniform(lat_lo, lat_hi),
            longitude=rng.uniform(lon_lo, lon_hi),
            languages=rng.choice([1, 1, 1, 3, 4]),  # mostly Romanian, some Hungarian or German too
            levels=1 << rng.randrange(5),
            topics=rng.randrange(64),
            capacity=rng.randint(5, 15) if mentors else 1,
        )
        for i in range(count)
    ]


class Command(BaseCommand):
    help = "Generate mentees and mentors in one country and compare the optimal and greedy matchings."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--mentees", type=int, default=5000)
        parser.add_argument("--mentors", type=int, default=500)
        parser.add_argument("--seed", type=int, default=4)

    def handle(self, *args: Any, **options: Any) -> None:
        rng = random.Random(options["seed"])
        mentees = generated(options["mentees"], first_key=0, rng=rng, mentors=False)
        mentors = generated(options["mentors"], first_key=10**6, rng=rng, mentors=True)
        for name, solve in (
            ("optimal", lambda: optimal(mentees, mentors)),
            ("greedy", lambda: greedy(mentees, mentors)),
        ):
            started = time.perf_counter()
            result = solve()
            seconds = time.perf_counter() - started
            unmatched = sum(1 for j in result.mentor_of if j < 0)
            self.stdout.write(f"{name}: cost {result.cost:.1f}, unmatched {unmatched}, {seconds:.2f} s")
