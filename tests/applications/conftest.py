from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def private_media(settings: Any, tmp_path: Path) -> Path:
    """Evidence files go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "private"
    return settings.MEDIA_ROOT
