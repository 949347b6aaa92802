"""Small real images for upload tests."""

from __future__ import annotations

import io


def png(width: int = 4, height: int = 4) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (29, 63, 114)).save(buffer, format="PNG")
    return buffer.getvalue()
