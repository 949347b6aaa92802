"""The web process's garbage collector settings (twinschools/core/collector.py)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from twinschools.core.collector import OLDER_GENERATIONS, YOUNG_GENERATION, tune_garbage_collector


@pytest.fixture
def restored_collector() -> Iterator[None]:
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


def test_the_web_process_freezes_what_is_loaded_and_widens_the_young_generation(
    restored_collector: None,
) -> None:
    tune_garbage_collector()
    assert gc.get_threshold() == (YOUNG_GENERATION, *OLDER_GENERATIONS)
    assert gc.get_freeze_count() > 0


def test_the_wsgi_application_is_served_with_the_tuned_collector(restored_collector: None) -> None:
    import importlib

    import twinschools.wsgi

    importlib.reload(twinschools.wsgi)
    assert gc.get_threshold()[0] == YOUNG_GENERATION
