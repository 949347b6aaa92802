"""Garbage collection tuned for a web process, applied by wsgi.py once the application is loaded.

A page that loads a few hundred model instances (the NSO's home page: a country's applications
in flight with their submissions, assignments and reviews) allocates tens of thousands of
objects. With CPython's default thresholds (700, 10, 10) those objects are still alive when the
young generation fills, so they are promoted and die in the oldest generation, and every few
requests one of them pays for a full collection: 40-50 ms more at the 95th percentile
(`make bench`, home_nso). Two changes, both common for long-lived Django processes:

- freeze what is loaded now (Django, the apps, their modules), which lives as long as the
  process, so full collections no longer walk it;
- a young generation of 50,000 allocations, so a request's objects usually die young and are
  freed by reference counting or a cheap young collection. Cyclic garbage waits at most that
  many allocations longer (a few megabytes).
"""

from __future__ import annotations

import gc

YOUNG_GENERATION = 50_000
OLDER_GENERATIONS = (20, 20)


def tune_garbage_collector() -> None:
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_GENERATION, *OLDER_GENERATIONS)
