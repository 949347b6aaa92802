from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def private_media(settings: Any, tmp_path: Path) -> Path:
    """Attachments go to a fresh private folder per test, never to the developer's var/."""
    settings.MEDIA_ROOT = tmp_path / "private"
    return settings.MEDIA_ROOT
