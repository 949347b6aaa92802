from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _in_english() -> Iterator[None]:
    """The sentences these tests match are English. A request made by an earlier test in the same
    worker can leave another language active in the thread (LocaleMiddleware activates it), so
    each test starts in English and puts back whatever was active."""
    with translation.override("en"):
        yield
