"""What the benchmark asks for: varied directory searches, schools and teachers.

Samples are drawn with a fixed seed, so two runs on the same network measure the
same requests. Each sample mixes typical cases with the heaviest ones (the
schools with most projects, the teachers with most activities), because p95 is
decided by the heavy ones.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db import connection
from django.db.models import Max, Min
from django.urls import reverse

from twinschools.accounts.models import User
from twinschools.network.models import School

SEARCHES = (
    "scoala", "Școala", "școala gimnazială", "colegiul national", "Colegiul Național", "liceul teoretic",
    "lleida", "Lleida", "tarrega", "Tàrrega", "girona", "figueres", "cluj", "cluj-napoca", "turda",
    "ecole", "École", "école élémentaire", "college", "lycée", "institut", "escola", "escola sant jordi",
    "institut joan oro", "eminescu", "mihai eminescu", "istituto comprensivo", "liceo scientifico",
    "szkola podstawowa", "Szkoła", "gimnazija", "gymnasium", "grundschule", "basisschool", "ceip", "ies",
    "anadolu lisesi", "ilkokulu", "madrid", "paris", "roma", "istanbul", "warszawa", "Θεσσαλονίκη",
    "София", "nr 3", "nr. 12", "galilei", "jules ferry", "sant", "xyzzy", "a",
)  # fmt: skip
COUNTRIES = ("RO", "ES", "FR", "IT", "PL", "TR", "DE", "GR", "PT", "UA")
LEVELS = ("pre-primary", "primary", "lower-secondary", "upper-secondary", "vocational")
LANGUAGES = ("en", "ro", "ca", "es", "fr", "de", "it")
LABELS = ("current", "former", "never")


@dataclass(frozen=True)
class DirectorySample:
    params: dict[str, str]

    @property
    def url(self) -> str:
        query = urlencode(self.params)
        return reverse("network:directory") + (f"?{query}" if query else "")


def directory_samples(count: int, *, seed: int = 1) -> list[DirectorySample]:
    rng = random.Random(seed)
    samples = [DirectorySample({}), DirectorySample({"q": "scoala"}), DirectorySample({"label": "never"})]
    while len(samples) < count:
        params: dict[str, str] = {}
        if rng.random() < 0.85:
            params["q"] = rng.choice(SEARCHES)
        if rng.random() < 0.35:
            params["country"] = rng.choice(COUNTRIES)
        if rng.random() < 0.2:
            params["level"] = rng.choice(LEVELS)
        if rng.random() < 0.15:
            params["language"] = rng.choice(LANGUAGES)
        if rng.random() < 0.15:
            params["label"] = rng.choice(LABELS)
        if rng.random() < 0.15:
            params["page"] = "2"
        samples.append(DirectorySample(params))
    return samples[:count]


def school_samples(count: int, *, seed: int = 2) -> list[int]:
    """A quarter are the schools with most projects, the rest drawn at random."""
    busiest = _top_ids(
        "SELECT school_id FROM network_projectschool GROUP BY school_id ORDER BY count(*) DESC, school_id LIMIT %s",
        count // 4,
    )
    bounds = School.objects.aggregate(low=Min("id"), high=Max("id"))
    rng = random.Random(seed)
    chosen = list(busiest)
    while len(chosen) < count:
        chosen.append(rng.randint(bounds["low"], bounds["high"]))
    return chosen


def teacher_samples(count: int, *, seed: int = 3) -> list[int]:
    """A quarter are the teachers with most activities, the rest drawn at random."""
    busiest = _top_ids(
        "SELECT teacher_id FROM network_activity GROUP BY teacher_id ORDER BY count(*) DESC, teacher_id LIMIT %s",
        count // 4,
    )
    teachers = User.objects.filter(external_id__startswith="TCH-")
    bounds = teachers.aggregate(low=Min("id"), high=Max("id"))
    rng = random.Random(seed)
    chosen = list(busiest)
    while len(chosen) < count:
        chosen.append(rng.randint(bounds["low"], bounds["high"]))
    return chosen


def _top_ids(statement: str, limit: int) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(statement, [limit])
        return [row[0] for row in cursor.fetchall()]
