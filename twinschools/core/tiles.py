"""The optional tile server of the maps: TWINSCHOOLS_MAP_TILE_URL, checked at start-up.

Without it every map draws only the bundled country borders (no request leaves the site).
With it, the tile host is added to the Content-Security-Policy's img-src, derived here so
the two can never disagree.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

PLACEHOLDERS = ("{z}", "{x}", "{y}")


def tile_source(url: str) -> str:
    """The CSP source of a Leaflet tile URL template: its scheme and host, `{s}` as a wildcard.

    `https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png` gives `https://*.tile.openstreetmap.org`.
    """
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc:
        raise ImproperlyConfigured(f"TWINSCHOOLS_MAP_TILE_URL must be an https:// address, not {url!r}.")
    if not all(placeholder in url for placeholder in PLACEHOLDERS):
        raise ImproperlyConfigured(
            f"TWINSCHOOLS_MAP_TILE_URL must contain {{z}}, {{x}} and {{y}}, as in "
            f"https://tile.example.org/{{z}}/{{x}}/{{y}}.png; got {url!r}."
        )
    host = parts.netloc.replace("{s}", "*")
    if "{" in host or "@" in host:
        raise ImproperlyConfigured(f"TWINSCHOOLS_MAP_TILE_URL has an unexpected host: {url!r}.")
    return f"{parts.scheme}://{host}"
